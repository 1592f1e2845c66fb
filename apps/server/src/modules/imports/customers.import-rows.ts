import { recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/db/ids.js';
import {
  customerDerivedColumns,
  customerDerivedValues,
  findCustomersForImport,
  numberedDerivedValues,
  insertCustomerRows,
  isAssignableOwner,
  lockWritableCustomer,
  reserveCustomerNos,
  updateCustomerForImport,
  type CustomerImportRow,
} from '../customers/index.js';
import type { ImportBatchContext, ImportRow, ImportRowResult } from './import-kind.js';
import { decideMatch, KeyIndex } from './record-matching.js';
import { similarCustomerNames } from './similar-customer-names.js';
import {
  dbKeysOf,
  isReadOnlyForImporter,
  keysOf,
  preparedCustomerRow,
  PROTECTED,
  ruleIssues,
  storedValuesOf,
  WRITABLE,
  type CustomerValues,
  type PreparedCustomerRow,
  type ValuesOfRow,
  type Writable,
} from './customers.import-prepare.js';

export { prepareCustomerRow } from './customers.import-prepare.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * A batch of customer rows: matched by external id, then by phone / email / credit code, then by the
 * normalized name, against the database and the rows earlier in the file; in the dry run, a row to be
 * created whose name is similar to another customer's or an earlier row's carries a warning
 * (duplicate rules, domain §4); created with one
 * multi-row insert (numbers reserved at once, search tokens and duplicate keys derived as by hand,
 * `customer.created` published for the lifecycle), or updated one by one with an audit entry each.
 */
export async function importCustomerRows(
  context: ImportBatchContext,
  rows: readonly ImportRow[],
): Promise<ImportRowResult[]> {
  const { tx, actor, orgId } = context;
  const prepared = rows.map((row) => {
    const ahead = preparedCustomerRow(row, context.mode);
    const issues = [...ahead.issues];
    for (const field of PROTECTED)
      if (ahead.values[field as Writable] !== undefined && isReadOnlyForImporter(actor.fieldPermissions, field))
        issues.push({ field, code: 'imports.customers.error.readOnly' });
    return { ...ahead, row, issues };
  });
  const found = await findCustomersForImport(tx, orgId, {
    externalIds: prepared.flatMap((p) => (p.externalId ? [p.externalId] : [])),
    phoneE164s: prepared.flatMap((p) =>
      p.keys.filter((k) => k.value.startsWith('phone:')).map((k) => k.value.slice(6)),
    ),
    emails: prepared.flatMap((p) => p.keys.filter((k) => k.value.startsWith('email:')).map((k) => k.value.slice(6))),
    creditCodes: prepared.flatMap((p) =>
      p.keys.filter((k) => k.value.startsWith('credit:')).map((k) => k.value.slice(7)),
    ),
    names: prepared.flatMap((p) => p.keys.filter((k) => k.value.startsWith('name:')).map((k) => k.value.slice(5))),
  });
  // Similar names are the dry run's warning, for the user to review before running; the run
  // itself is bound by exact keys and does not pay for the fuzzy lookup a second time.
  const similar =
    context.mode === 'check'
      ? await similarCustomerNames(
          context,
          prepared.map((p) => (p.issues.length === 0 ? p.values.name : null)),
        )
      : null;
  const byId = new Map(found.map((row) => [row.id, row]));
  const index = new KeyIndex('customer', context.fileMemory);
  for (const row of found) index.addStored(row.id, row.externalId, dbKeysOf(row), row.deletedAt !== null, row.name);

  const pending = new Map<string, PendingCustomer>();
  const results: ImportRowResult[] = [];
  for (const [position, item] of prepared.entries()) {
    if (item.issues.length > 0) {
      results.push({ outcome: 'error', errors: item.issues });
      continue;
    }
    const decision = decideMatch(index, item.keys, context.duplicatePolicy);
    if (decision.action === 'error' || decision.action === 'duplicate') {
      results.push(
        decision.action === 'error'
          ? { outcome: 'error', errors: [decision.issue] }
          : { outcome: 'duplicate', recordId: decision.id },
      );
      continue;
    }
    if (decision.action === 'create') {
      const ownerId = item.row.ownerId ?? actor.userId;
      if (ownerId !== actor.userId && !(await ownerAllowed(context, ownerId))) {
        results.push({ outcome: 'error', errors: [{ field: 'ownerId', code: 'imports.rowError.invalid' }] });
        continue;
      }
      const id = newId();
      // A similar name warns, as by hand: the row is created all the same.
      const warning = similar?.warningFor(position, item.values.name);
      pending.set(id, { values: item.values, externalId: item.externalId, ownerId, derived: item.derived });
      index.remember(id, item.keys, item.row.rowNumber, item.values.name);
      similar?.remember(id, item.values.name);
      results.push({ outcome: 'created', recordId: id, ...(warning ? { warnings: [warning] } : {}) });
      continue;
    }
    // Update: only the fields the user mapped, never the owner (reassigning goes through the pools' rules).
    const id = decision.id;
    const changes: Record<string, unknown> = {};
    for (const field of WRITABLE) {
      if (!context.mappedFields.has(field) || item.values[field] === undefined) continue;
      changes[field] = item.values[field];
    }
    const waiting = pending.get(id);
    if (waiting) {
      Object.assign(waiting.values, changes);
      waiting.derived = undefined;
      waiting.externalId ??= item.externalId;
      index.remember(id, item.keys, item.row.rowNumber, waiting.values.name);
      results.push({ outcome: 'updated', recordId: id });
      continue;
    }
    const stored = byId.get(id);
    if (!stored) {
      // Matched a row created earlier in a dry run: nothing stored to compare with.
      results.push({ outcome: 'updated', recordId: id });
      continue;
    }
    const changed = Object.fromEntries(
      Object.entries(changes).filter(([key, value]) => !same(stored[key as Writable], value)),
    );
    if (item.externalId && stored.externalId === null) changed.externalId = item.externalId;
    if (Object.keys(changed).length === 0) {
      results.push({ outcome: 'unchanged', recordId: id });
      continue;
    }
    const next = { ...stored, ...changed } as CustomerImportRow;
    const issues = ruleIssues(next as unknown as ValuesOfRow);
    const clash = index.clashOf(id, keysOf(next as unknown as CustomerValues & { name: string }, null));
    if (clash) issues.push(clash);
    if (issues.length > 0) {
      results.push({ outcome: 'error', errors: issues });
      continue;
    }
    if (context.mode === 'run') {
      const locked = await lockWritableCustomer(tx, actor, id);
      if (!locked) {
        results.push({
          outcome: 'error',
          errors: [{ field: 'name', code: 'imports.rowError.outOfScope', params: { value: stored.name } }],
        });
        continue;
      }
      const derived = customerDerivedColumns({ ...next, customerNo: stored.customerNo });
      await updateCustomerForImport(tx, { orgId, id, version: locked.version }, { ...changed, ...derived });
      await recordAudit(tx, actor, {
        action: 'update',
        entity: 'customer',
        entityId: id,
        before: snapshotOf(stored, changed),
        after: changed,
      });
    }
    index.remember(
      id,
      keysOf(next as unknown as CustomerValues & { name: string }, item.externalId),
      item.row.rowNumber,
      next.name,
    );
    results.push({ outcome: 'updated', recordId: id });
  }
  if (context.mode === 'run' && pending.size > 0) await insertPending(context, pending);
  return results;
}

const snapshotOf = (row: CustomerImportRow, changed: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(changed).map((key) => [key, row[key as keyof CustomerImportRow] ?? null]));

async function ownerAllowed(context: ImportBatchContext, ownerId: string): Promise<boolean> {
  const cacheKey = `customer-owner:${ownerId}`;
  const cached = context.fileMemory.get(cacheKey);
  if (cached !== undefined) return cached === 'yes';
  const allowed = await isAssignableOwner(context.tx, context.actor, ownerId);
  context.fileMemory.set(cacheKey, allowed ? 'yes' : 'no');
  return allowed;
}

interface PendingCustomer {
  values: ValuesOfRow;
  externalId: string | null;
  ownerId: string;
  /** Derived ahead of the batch; undefined once a later row of the file changed the values. */
  derived: PreparedCustomerRow['derived'];
}

async function insertPending(context: ImportBatchContext, pending: Map<string, PendingCustomer>): Promise<void> {
  const { tx, actor, orgId } = context;
  const numbers = await reserveCustomerNos(tx, orgId, pending.size);
  const rows = [...pending.entries()].map(([id, { values, externalId, ownerId, derived }], i) => {
    const base = {
      ...storedValuesOf(values),
      orgId,
      id,
      customerNo: numbers[i]!,
      kind: values.kind,
      name: values.name,
      stage: 'prospect',
      tags: values.tags ?? [],
      ownerId,
      createdBy: actor.userId,
      externalId,
    };
    return {
      ...base,
      ...(derived ? numberedDerivedValues(derived, base.customerNo) : customerDerivedValues(base)),
    };
  });
  await insertCustomerRows(tx, rows);
  // One event for the batch: the lifecycle log's first entries in two statements, not two per row.
  await context.events.publish(tx, {
    type: 'customers.imported',
    orgId,
    customerIds: rows.map((row) => row.id),
    actorId: actor.userId,
    at: context.now,
  });
}
