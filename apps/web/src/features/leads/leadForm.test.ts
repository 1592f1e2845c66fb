import type { Lead } from '@guanxi/contract';
import { describe, expect, it } from 'vitest';
import { toCreateLeadBody, toLeadFormValues, toUpdateLeadBody } from './leadForm';

const lead: Lead = {
  id: '0193a0a0-0000-7000-8000-000000000001',
  name: '王经理',
  companyName: '上海澄明贸易有限公司',
  title: null,
  mobile: '13800138000',
  phone: null,
  email: 'wang@example.com',
  wechat: null,
  source: 'trade_fair',
  poolId: null,
  poolName: null,
  ownerId: '0193a0a0-0000-7000-8000-000000000002',
  ownerName: '李销售',
  status: 'assigned',
  remarks: null,
  convertedCustomerId: null,
  convertedContactId: null,
  convertedAt: null,
  createdAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T08:00:00.000Z',
  deletedAt: null,
  version: 3,
};

describe('lead form', () => {
  it('fills every text input, empty ones with an empty string', () => {
    expect(toLeadFormValues(lead)).toEqual({
      name: '王经理',
      companyName: '上海澄明贸易有限公司',
      title: '',
      mobile: '13800138000',
      phone: '',
      email: 'wang@example.com',
      wechat: '',
      remarks: '',
      source: 'trade_fair',
      poolId: null,
    });
  });

  it('a new lead sends trimmed text and leaves empty fields out', () => {
    expect(toCreateLeadBody({ name: ' 赵总 ', companyName: '  ', mobile: ' 13912345678 ', source: null })).toEqual({
      name: '赵总',
      mobile: '13912345678',
    });
  });

  it('an edit sends only what changed, a cleared field as null, with the version it read', () => {
    const values = { ...toLeadFormValues(lead), email: '', title: '采购部经理', poolId: null };
    expect(toUpdateLeadBody(values, lead)).toEqual({ version: 3, email: null, title: '采购部经理' });
  });

  it('an edit leaves alone a field the form does not show (hidden by field permissions)', () => {
    const { mobile: _hidden, ...visible } = lead;
    const { mobile: _absent, ...values } = toLeadFormValues(visible as Lead);
    expect(toUpdateLeadBody(values, visible as Lead)).toEqual({ version: 3 });
  });
});
