import {
  CUSTOMER_COMPANY_ONLY_FIELDS,
  CUSTOMER_PERSON_ONLY_FIELDS,
  customerFieldAccess,
  normalizeCreditCode,
} from '@guanxi/contract';
import { normalizeEmail, normalizeName, normalizePhone } from '../../platform/search/text-normalization.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import {
  assertValidCustomer,
  cleanCustomerInput,
  customerDerivedColumns,
  customerDerivedValues,
  findCustomersForImport,
  insertCustomerRows,
  isAssignableOwner,
  lockWritableCustomer,
  reserveCustomerNos,
  updateCustomerForImport,
  type CustomerImportRow,
} from '../customers/index.js';
import type { ImportBatchContext, ImportRow, ImportRowIssue, ImportRowResult } from './import-kind.js';
import { decideMatch, KeyIndex, type MatchKey } from './record-matching.js';
import { similarCustomerNames } from './similar-customer-names.js';

/** The customer columns an import writes, in the API's order. */
const WRITABLE = [
  'kind',
  'name',
  'phone',
  'email',
  'creditCode',
  'industry',
  'scale',
  'website',
  'gender',
  'birthday',
  'tier',
  'source',
  'tags',
  'province',
  'city',
  'district',
  'address',
  'remarks',
] as const;
type Writable = (typeof WRITABLE)[number];
type CustomerValues = { [K in Writable]?: K extends 'tags' ? string[] : string | null };

const PROTECTED = ['phone', 'email', 'address', 'remarks'];

/** Keys a customer row is matched by: the duplicate rules' exact keys and the normalized name. */
export function customerMatchKeys(values: {
  phone?: string | null | undefined;
  email?: string | null | undefined;
  creditCode?: string | null | undefined;
  name?: string | null | undefined;
}) {
  return {
    phone: normalizePhone(values.phone).e164,
    email: values.email ? normalizeEmail(values.email) : null,
    creditCode: values.creditCode ? normalizeCreditCode(values.creditCode) : null,
    name: values.name ? normalizeName(values.name) : null,
  };
}

/** A protected customer field (phone, email, address, remarks) the importer may not write. */
export const isReadOnlyForImporter = (permissions: Parameters<typeof customerFieldAccess>[0], field: string) =>
  customerFieldAccess(permissions, field) !== 'edit';

/** Issues from the customer rules (credit code check digit, person-only fields, a person's mobile). */
function ruleIssues(values: CustomerValues & { kind: string; name: string }): ImportRowIssue[] {
  try {
    assertValidCustomer(values);
    return [];
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return (error.options.fields ?? []).map((field) => ({
      field: field.field,
      code:
        {
          'validation.creditCode': 'imports.rowError.creditCode',
          'validation.mobile': 'imports.rowError.mobile',
          'validation.notForKind': 'imports.customers.error.notForKind',
          'validation.date': 'imports.rowError.notADate',
          'validation.required': 'imports.rowError.required',
        }[field.key as string] ?? 'imports.rowError.invalid',
    }));
  }
}

function valuesOf(row: ImportRow): CustomerValues & { kind: string; name: string } {
  const v = row.values;
  const personHint = v.gender !== undefined || v.birthday !== undefined;
  const values: CustomerValues & { kind: string; name: string } = {
    kind: typeof v.kind === 'string' ? v.kind : personHint ? 'person' : 'company',
    name: String(v.name ?? ''),
  };
  for (const field of WRITABLE) {
    if (field === 'kind' || field === 'name' || v[field] === undefined) continue;
    (values as Record<string, unknown>)[field] = v[field];
  }
  return cleanCustomerInput(values);
}

const keysOf = (values: CustomerValues & { name: string }, externalId: string | null): MatchKey[] => {
  const keys = customerMatchKeys(values);
  return [
    ...(externalId ? [{ kind: 'externalId' as const, value: externalId }] : []),
    ...(keys.phone ? [{ kind: 'exact' as const, field: 'phone', value: `phone:${keys.phone}` }] : []),
    ...(keys.email ? [{ kind: 'exact' as const, field: 'email', value: `email:${keys.email}` }] : []),
    ...(keys.creditCode ? [{ kind: 'exact' as const, field: 'creditCode', value: `credit:${keys.creditCode}` }] : []),
    ...(keys.name ? [{ kind: 'name' as const, value: `name:${keys.name}` }] : []),
  ];
};

const dbKeysOf = (row: CustomerImportRow): string[] => [
  ...(row.deletedAt === null && row.phoneE164 ? [`phone:${row.phoneE164}`] : []),
  ...(row.deletedAt === null && row.emailNormalized ? [`email:${row.emailNormalized}`] : []),
  ...(row.deletedAt === null && row.creditCode ? [`credit:${row.creditCode}`] : []),
  ...(row.deletedAt === null && row.nameNormalized ? [`name:${row.nameNormalized}`] : []),
];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * A batch of customer rows: matched by external id, then by phone / email / credit code, then by the
 * normalized name, against the database and the rows earlier in the file; a created row whose name
 * is similar to another customer's or an earlier row's carries a warning (duplicate rules, domain
 * §4); created with one
 * multi-row insert (numbers reserved at once, search tokens and duplicate keys derived as by hand,
 * `customer.created` published for the lifecycle), or updated one by one with an audit entry each.
 */
export async function importCustomerRows(
  context: ImportBatchContext,
  rows: readonly ImportRow[],
): Promise<ImportRowResult[]> {
  const { tx, actor, orgId } = context;
  const prepared = rows.map((row) => {
    const values = valuesOf(row);
    const externalId = typeof row.values.externalId === 'string' ? row.values.externalId : null;
    const issues = ruleIssues(values);
    for (const field of PROTECTED)
      if (values[field as Writable] !== undefined && isReadOnlyForImporter(actor.fieldPermissions, field))
        issues.push({ field, code: 'imports.customers.error.readOnly' });
    return { row, values, externalId, keys: keysOf(values, externalId), issues };
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
  const similar = await similarCustomerNames(
    context,
    prepared.map((p) => (p.issues.length === 0 ? p.values.name : null)),
  );
  const byId = new Map(found.map((row) => [row.id, row]));
  const index = new KeyIndex('customer', context.fileMemory);
  for (const row of found) index.addStored(row.id, row.externalId, dbKeysOf(row), row.deletedAt !== null, row.name);

  const pending = new Map<
    string,
    { values: CustomerValues & { kind: string; name: string }; externalId: string | null; ownerId: string }
  >();
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
      const warning = similar.warningFor(position, item.values.name);
      pending.set(id, { values: item.values, externalId: item.externalId, ownerId });
      index.remember(id, item.keys, item.row.rowNumber, item.values.name);
      similar.remember(id, item.values.name);
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
    const issues = ruleIssues(next as unknown as CustomerValues & { kind: string; name: string });
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

async function insertPending(
  context: ImportBatchContext,
  pending: Map<
    string,
    { values: CustomerValues & { kind: string; name: string }; externalId: string | null; ownerId: string }
  >,
): Promise<void> {
  const { tx, actor, orgId } = context;
  const numbers = await reserveCustomerNos(tx, orgId, pending.size);
  const rows = [...pending.entries()].map(([id, { values, externalId, ownerId }], i) => {
    const kindFields = values.kind === 'person' ? CUSTOMER_COMPANY_ONLY_FIELDS : CUSTOMER_PERSON_ONLY_FIELDS;
    const clean = Object.fromEntries(
      Object.entries(values).filter(([key]) => !(kindFields as readonly string[]).includes(key)),
    );
    const base = {
      ...clean,
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
    return { ...base, ...customerDerivedValues(base) };
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
