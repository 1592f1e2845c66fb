import type { ImportKindName, Permission } from '@guanxi/contract';

/**
 * The permission each kind's import needs (the server's rule, repeated so a list shows its Import
 * action without asking the server): the module's `import`; sales lines create orders.
 */
export const IMPORT_PERMISSION: Record<ImportKindName, Permission> = {
  customers: 'customers.import',
  contacts: 'contacts.import',
  leads: 'leads.import',
  products: 'products.import',
  orders: 'orders.import',
  payments: 'payments.import',
  follow_ups: 'followups.import',
  sales_lines: 'orders.import',
};

/** The kinds among `kinds` that a holder of `permissions` may import. */
export const importableKinds = (
  kinds: readonly ImportKindName[],
  permissions: readonly string[] | undefined,
): ImportKindName[] => kinds.filter((kind) => permissions?.includes(IMPORT_PERMISSION[kind]) ?? false);

/** Whether `permissions` allow importing anything (the menu item shows only then). */
export const canImportAnything = (permissions: readonly string[] | undefined): boolean =>
  permissions?.some((permission) => permission.endsWith('.import')) ?? false;
