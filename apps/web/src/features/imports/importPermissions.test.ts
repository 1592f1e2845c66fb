import { describe, expect, it } from 'vitest';
import { canImportAnything, importableKinds } from './importPermissions';

describe('who sees the Import action', () => {
  it('offers each kind to holders of its module’s import permission, sales lines to order importers', () => {
    expect(importableKinds(['customers', 'contacts'], ['customers.view', 'customers.import'])).toEqual(['customers']);
    expect(importableKinds(['orders', 'sales_lines'], ['orders.import'])).toEqual(['orders', 'sales_lines']);
    expect(importableKinds(['follow_ups'], ['followups.import'])).toEqual(['follow_ups']);
    expect(importableKinds(['leads'], undefined)).toEqual([]);
  });

  it('shows the menu item to anyone who may import something', () => {
    expect(canImportAnything(['customers.view', 'leads.import'])).toBe(true);
    expect(canImportAnything(['customers.view', 'customers.export'])).toBe(false);
    expect(canImportAnything(undefined)).toBe(false);
  });
});
