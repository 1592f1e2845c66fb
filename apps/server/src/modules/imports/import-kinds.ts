import type { ImportKindName } from '@guanxi/contract';
import type { ImportKind } from './import-kind.js';
import { contactsImportKind } from './contacts.import-kind.js';
import { customersImportKind } from './customers.import-kind.js';
import { leadsImportKind } from './leads.import-kind.js';

/**
 * Every import kind the engine knows, one line each. A kind not listed here answers 404 to the
 * wizard; the contract's IMPORT_KINDS names the kinds the API accepts.
 */
export const importKinds: readonly ImportKind[] = [
  // customers, contacts, leads (wt-import)
  customersImportKind,
  contactsImportKind,
  leadsImportKind,
  // products, orders, payments, follow_ups, sales_lines (wt-importkinds)
];

export const findImportKind = (name: ImportKindName): ImportKind | undefined =>
  importKinds.find((kind) => kind.name === name);
