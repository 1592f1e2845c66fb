import { describe, expect, it } from 'vitest';
import i18n, { loadCatalog } from '../../platform/i18n';
import { chartLabel } from '../../platform/ui/chartLabel';
import { timeZoneLabel } from './jobText';

describe('time zones by their names', () => {
  it('names Asia/Shanghai in both languages, never by its code', async () => {
    await loadCatalog('zh-CN');
    await i18n.changeLanguage('zh-CN');
    expect(timeZoneLabel(i18n.t, 'zh-CN', 'Asia/Shanghai')).toBe('中国标准时间（上海）');
    await loadCatalog('en');
    await i18n.changeLanguage('en');
    expect(timeZoneLabel(i18n.t, 'en', 'Asia/Shanghai')).toBe('China Standard Time (Shanghai)');
    expect(timeZoneLabel(i18n.t, 'en', 'UTC')).toBe('Coordinated Universal Time');
    await i18n.changeLanguage('zh-CN');
  });
});

describe('chart labels', () => {
  it('collects the words a chart draws: title, axis names and categories, series and their items', () => {
    const label = chartLabel({
      title: { text: '客户金字塔' },
      xAxis: { type: 'category', name: '阶段', data: ['潜在客户', '意向客户'] },
      yAxis: { type: 'value' },
      series: [{ name: '客户数', type: 'bar', data: [3, { name: '大客户', value: 2 }] }],
    });
    expect(label).toBe('客户金字塔；阶段；潜在客户；意向客户；客户数；大客户');
  });
});
