import { describe, expect, it } from 'vitest';
import i18n, { loadCatalog } from './index';

describe('counts in English agree with their number', () => {
  it('says "1 row" and "3 rows", and Chinese keeps its one form', async () => {
    // Each language's texts are fetched when first used, as the app does before switching.
    await loadCatalog('en');
    await i18n.changeLanguage('en');
    expect(i18n.t('imports.check.reasonCount', { count: 1 })).toBe('1 row');
    expect(i18n.t('imports.check.reasonCount', { count: 3 })).toBe('3 rows');
    expect(i18n.t('stale.selected', { count: 1 })).toBe('1 customer selected');
    expect(i18n.t('stale.selected', { count: 0 })).toBe('0 customers selected');
    await loadCatalog('zh-CN');
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('imports.check.reasonCount', { count: 1 })).toBe('1 行');
    expect(i18n.t('imports.check.reasonCount', { count: 3 })).toBe('3 行');
  });
});
