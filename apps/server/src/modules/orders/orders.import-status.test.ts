import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORTED_ORDER_STATUS, mapOrderStatus } from './orders.import-status.js';

describe('order status value map', () => {
  it('maps the statuses of the Classic Models sales file to Guanxi order states', () => {
    expect(mapOrderStatus('Shipped')).toBe('shipped');
    expect(mapOrderStatus('Resolved')).toBe('completed');
    expect(mapOrderStatus('Disputed')).toBe('shipped');
    expect(mapOrderStatus('In Process')).toBe('confirmed');
    expect(mapOrderStatus('On Hold')).toBe('submitted');
    expect(mapOrderStatus('Cancelled')).toBe('cancelled');
  });

  it('ignores case, spaces, dashes and full-width letters, and knows Chinese status words', () => {
    expect(mapOrderStatus('  on-hold ')).toBe('submitted');
    expect(mapOrderStatus('ＳＨＩＰＰＥＤ')).toBe('shipped');
    expect(mapOrderStatus('已完成')).toBe('completed');
    expect(mapOrderStatus('已取消')).toBe('cancelled');
  });

  it('gives an empty cell the default state and an unknown text none', () => {
    expect(mapOrderStatus('')).toBe(DEFAULT_IMPORTED_ORDER_STATUS);
    expect(mapOrderStatus(undefined)).toBe(DEFAULT_IMPORTED_ORDER_STATUS);
    expect(mapOrderStatus('Lost in space')).toBeNull();
    expect(mapOrderStatus('pending_approval')).toBeNull();
  });

  it("lets the user's map win over the default and refuses a target that is no importable state", () => {
    expect(mapOrderStatus('Shipped', { SHIPPED: 'completed' })).toBe('completed');
    expect(mapOrderStatus('Lost in space', { 'lost in space': 'cancelled' })).toBe('cancelled');
    expect(mapOrderStatus('Disputed', { disputed: 'pending_approval' })).toBeNull();
  });
});
