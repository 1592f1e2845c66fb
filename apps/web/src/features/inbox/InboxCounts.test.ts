import type { InboxSection } from '@guanxi/contract';
import { describe, expect, it } from 'vitest';
import { countedSections } from './InboxCounts';
import { inboxItemPath } from './inboxLinks';

const section = (key: InboxSection['key'], count: number): InboxSection => ({ key, count, items: [] });
const keys = (sections: InboxSection[]) => sections.map((s) => s.key);

describe('the start page counts', () => {
  it('counts the role sections the server sent, even at zero, and leaves the salesperson’s daily lists to the cards', () => {
    const warehouse = [
      section('contactOverdue', 2),
      section('approvals', 0),
      section('issuesToConfirm', 0),
      section('lowStock', 4),
    ];
    expect(keys(countedSections(warehouse, ['stock.issue', 'stock.record']))).toEqual(['issuesToConfirm', 'lowStock']);
    const finance = [section('approvals', 0), section('ordersToConfirm', 1), section('paymentsOverdue', 0)];
    expect(keys(countedSections(finance, ['orders.confirm', 'credit.override']))).toEqual([
      'approvals',
      'ordersToConfirm',
      'paymentsOverdue',
    ]);
    expect(keys(countedSections([section('approvals', 0), section('tasksDue', 3)], ['customers.edit']))).toEqual([]);
    expect(keys(countedSections([section('approvals', 2)], ['customers.edit']))).toEqual(['approvals']);
  });

  it('finance and warehouse items open their order or the low stock list', () => {
    const item = { entityId: 'i1', title: 'DD1', at: null };
    expect(inboxItemPath({ ...item, entity: 'order', params: {} })).toBe('/orders/i1');
    expect(inboxItemPath({ ...item, entity: 'payment_installment', params: { orderId: 'o1' } })).toBe('/orders/o1');
    expect(inboxItemPath({ ...item, entity: 'stock_level', params: {} })).toBe('/stock?tab=levels&low=1');
  });
});
