import { findCustomerReferences, type CustomerReference } from '../customers/index.js';
import type { ImportBatchContext, ImportRow, ImportRowIssue } from './import-kind.js';
import { issue, textOf } from './import-kind-support.js';

/** The customer a row names, or why it names none. */
export type CustomerResolution = { customer: CustomerReference } | { issues: ImportRowIssue[] };

/**
 * Resolves the customer references of a batch's rows with one query: external id first, then
 * customer number, then the exact name (trimmed, case-insensitive; two customers of that name are
 * ambiguous). Only customers the importer may write count (owned-record scope).
 */
export async function resolveCustomers(
  context: ImportBatchContext,
  rows: readonly ImportRow[],
): Promise<(row: ImportRow) => CustomerResolution> {
  const refs = {
    externalIds: rows.flatMap((r) => textOf(r, 'customerExternalId') ?? []),
    customerNos: rows.flatMap((r) => textOf(r, 'customerNo') ?? []),
    names: rows.flatMap((r) => textOf(r, 'customerName') ?? []),
  };
  const found = await findCustomerReferences(context.tx, context.actor, refs);
  return (row) => {
    const externalId = textOf(row, 'customerExternalId');
    const customerNo = textOf(row, 'customerNo');
    const name = textOf(row, 'customerName');
    if (!externalId && !customerNo && !name) return { issues: [issue('customerName', 'imports.rowError.required')] };
    if (externalId) {
      const hit = found.find((c) => c.externalId === externalId);
      return hit
        ? { customer: hit }
        : { issues: [issue('customerExternalId', 'imports.rowError.notFound', { value: externalId })] };
    }
    if (customerNo) {
      const hit = found.find((c) => c.customerNo === customerNo);
      return hit
        ? { customer: hit }
        : { issues: [issue('customerNo', 'imports.rowError.notFound', { value: customerNo })] };
    }
    const hits = found.filter((c) => c.name.trim().toLowerCase() === name!.toLowerCase());
    if (hits.length === 1) return { customer: hits[0]! };
    const code = hits.length === 0 ? 'imports.rowError.notFound' : 'imports.rowError.ambiguous';
    return { issues: [issue('customerName', code, { value: name! })] };
  };
}
