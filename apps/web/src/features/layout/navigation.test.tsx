import type { Permission } from '@guanxi/contract';
import { describe, expect, it } from 'vitest';
import { entryFor, homePathFor, mayOpen, NAV_GROUPS } from './navigation';

const salesperson: Permission[] = ['customers.view', 'customers.create', 'customers.edit', 'orders.view', 'stock.view'];
const warehouse: Permission[] = ['customers.view', 'orders.view', 'stock.view', 'stock.record', 'stock.issue'];
const finance: Permission[] = ['customers.view', 'orders.view', 'orders.confirm', 'payments.view', 'finance.view'];
const executive: Permission[] = ['customers.view', 'orders.view', 'stock.view', 'roles.view', 'finance.view'];

describe('the menu list', () => {
  it('a record page belongs to its list entry, a report under a list path to its own entry', () => {
    expect(entryFor('/customers/0193a8c2-1111-7000-8000-000000000001')?.path).toBe('/customers');
    expect(entryFor('/orders/0193a8c2-1111-7000-8000-000000000001/edit')?.path).toBe('/orders');
    expect(entryFor('/opportunities/pipeline')?.path).toBe('/opportunities/pipeline');
    expect(entryFor('/')?.path).toBe('/');
    expect(entryFor('/account/tokens')).toBeUndefined();
  });

  it('a page is refused by its entry permission, pages without an entry are left to the page', () => {
    expect(mayOpen('/settings/roles', salesperson)).toBe(false);
    expect(mayOpen('/settings/roles', executive)).toBe(true);
    expect(mayOpen('/settings/users/handover', executive)).toBe(false);
    expect(mayOpen('/customers/0193a8c2-1111-7000-8000-000000000001', salesperson)).toBe(true);
    expect(mayOpen('/account/tokens', warehouse)).toBe(true);
  });

  it('every page has one place in the menu and a distinct icon within its group', () => {
    const paths = NAV_GROUPS.flatMap((group) => group.entries.map((entry) => entry.path));
    expect(new Set(paths).size).toBe(paths.length);
    for (const group of NAV_GROUPS) {
      const icons = group.entries.map((entry) => (entry.icon as { type: unknown }).type);
      expect(new Set(icons).size, group.key).toBe(icons.length);
    }
  });
});

describe('where each role starts', () => {
  it('sales on the workbench, the warehouse on the stock, finance on the orders to confirm, an executive on the workbench', () => {
    expect(homePathFor(salesperson)).toBe('/');
    expect(homePathFor(warehouse)).toBe('/stock');
    expect(homePathFor(finance)).toBe('/finance/orders-to-confirm');
    expect(homePathFor(executive)).toBe('/');
  });
});
