import { APPROVAL_BUSINESS_TYPES } from '@guanxi/contract';
import { describe, expect, it } from 'vitest';
import { defaultStepOf } from '../platform/approvals/index.js';
import { en as platformEn, zhCN as platformZhCN, translate } from '../platform/i18n/index.js';
import { approvalAdapters, createJobCatalog, organizationSeeders, serverModules } from './registry.js';

describe('module registry', () => {
  it('names each module once', () => {
    const names = serverModules.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('collects every module job, organization seeder and approval adapter', () => {
    expect(
      createJobCatalog()
        .list()
        .map((j) => j.name)
        .sort(),
    ).toEqual([
      'backup.pglite',
      'complaints.sla',
      'customerValue.compute',
      'exports.cleanup',
      'lifecycle.markLost',
      'lifecycle.relationshipPhases',
      'lifecycle.stuckAlerts',
      'maintenance.analyze',
      'members.expirePoints',
      'members.levels',
      'payments.markOverdue',
      'pools.reclaim',
      'pools.reminders',
      'tasks.reminders',
    ]);
    expect(organizationSeeders).toHaveLength(6);
    // Every business type but `contract` (no contracts module yet) is bound by the module that owns it.
    expect(approvalAdapters.map((a) => a.businessType).sort()).toEqual(
      APPROVAL_BUSINESS_TYPES.filter((t) => t !== 'contract').sort(),
    );
    expect(APPROVAL_BUSINESS_TYPES.map(defaultStepOf)).toEqual([
      'manager',
      'manager',
      'finance',
      'manager',
      'manager',
      'manager',
    ]);
  });

  it('registers the modules’ message catalogs with the platform’s', () => {
    expect(translate('en', 'entity.order')).toBe('Order');
    expect(translate('zh-CN', 'approval.defaultStep.finance')).not.toBe('approval.defaultStep.finance');
    expect(translate('en', 'error.validation')).toBe('Some fields are not valid.');
  });

  it('gives a key shared by two catalogs (a field label, say) one text, so no module overrides another', () => {
    const catalogs = [
      { name: 'platform', en: platformEn as Record<string, string>, zhCN: platformZhCN as Record<string, string> },
      ...serverModules.flatMap((m) => (m.messages ? [{ name: m.name, ...m.messages }] : [])),
    ];
    const conflicts: string[] = [];
    for (const locale of ['en', 'zhCN'] as const) {
      const first = new Map<string, { name: string; text: string }>();
      for (const catalog of catalogs) {
        for (const [key, text] of Object.entries(catalog[locale] as Record<string, string>)) {
          const earlier = first.get(key);
          if (earlier && earlier.text !== text) conflicts.push(`${locale} ${key}: ${earlier.name} ≠ ${catalog.name}`);
          if (!earlier) first.set(key, { name: catalog.name, text });
        }
      }
    }
    expect(conflicts).toEqual([]);
  });

  it('serves the moved module texts in both languages', () => {
    expect(translate('en', 'error.poolCooldown', { days: 7 })).toContain('7 days');
    expect(translate('zh-CN', 'error.leadConverted')).not.toBe('error.leadConverted');
    expect(translate('en', 'field.plannedAt')).toBe('Planned time');
  });
});
