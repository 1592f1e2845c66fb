import { APPROVAL_BUSINESS_TYPES } from '@guanxi/contract';
import { describe, expect, it } from 'vitest';
import { defaultStepOf } from '../platform/approvals/approval-defaults.js';
import { translate } from '../platform/i18n/translate.js';
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
      'customerValue.compute',
      'lifecycle.markLost',
      'lifecycle.relationshipPhases',
      'lifecycle.stuckAlerts',
      'maintenance.analyze',
      'payments.markOverdue',
      'pools.reclaim',
      'pools.reminders',
      'tasks.reminders',
    ]);
    expect(organizationSeeders).toHaveLength(3);
    // Every business type but `contract` (no contracts module yet) is bound by the module that owns it.
    expect(approvalAdapters.map((a) => a.businessType).sort()).toEqual(
      APPROVAL_BUSINESS_TYPES.filter((t) => t !== 'contract').sort(),
    );
    expect(APPROVAL_BUSINESS_TYPES.map(defaultStepOf)).toEqual(['manager', 'manager', 'finance', 'manager', 'manager']);
  });

  it('registers the modules’ message catalogs with the platform’s', () => {
    expect(translate('en', 'entity.order')).toBe('Order');
    expect(translate('zh-CN', 'approval.defaultStep.finance')).not.toBe('approval.defaultStep.finance');
    expect(translate('en', 'error.validation')).toBe('Some fields are not valid.');
  });
});
