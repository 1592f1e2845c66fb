import { parsePhone } from '@guanxi/contract';
import { recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/db/ids.js';
import { normalizeEmail, normalizeName, normalizePhone } from '../../platform/search/text-normalization.js';
import {
  contactDerivedColumns,
  contactFieldAccess,
  findContactsForImport,
  insertContactRows,
  makeImportedContactPrimary,
  primariesForImportedContacts,
  updateContactForImport,
  type ContactImportRow,
} from '../contacts/index.js';
import { findCustomersForImport, lockWritableCustomer } from '../customers/index.js';
import type { ImportBatchContext, ImportKind, ImportRow, ImportRowIssue, ImportRowResult } from './import-kind.js';
import {
  CONTACT_IMPORT_FIELDS,
  CONTACT_IMPORT_MESSAGES,
  CONTACT_IMPORT_WRITABLE,
  type ContactImportWritable,
} from './contacts.import-fields.js';
import { decideMatch, KeyIndex, type MatchKey } from './record-matching.js';

type Values = { [K in ContactImportWritable]?: string | boolean | null };
interface PendingContact {
  values: Values;
  customerId: string;
  externalId: string | null;
  wantsPrimary: boolean;
}

/** The customer a row names: by its external id, its number, or its (normalized) name. */
function customerRefOf(row: ImportRow): { kind: 'externalId' | 'customerNo' | 'name'; value: string } | null {
  const v = row.values;
  if (typeof v.customerExternalId === 'string') return { kind: 'externalId', value: v.customerExternalId };
  if (typeof v.customerNo === 'string') return { kind: 'customerNo', value: v.customerNo };
  if (typeof v.customerName === 'string') return { kind: 'name', value: normalizeName(v.customerName) };
  return null;
}

/**
 * A batch of contacts: each finds its customer (external id, number or name; the importer must be
 * allowed to edit it, as when adding a contact by hand), then its own record by external id, by the
 * duplicate check's mobile and email (organization-wide), or by its name at that customer.
 */
async function importContactRows(context: ImportBatchContext, rows: readonly ImportRow[]): Promise<ImportRowResult[]> {
  const { tx, actor, orgId } = context;
  const refs = rows.map(customerRefOf);
  const customers = await findCustomersForImport(tx, orgId, {
    externalIds: refs.flatMap((r) => (r?.kind === 'externalId' ? [r.value] : [])),
    customerNos: refs.flatMap((r) => (r?.kind === 'customerNo' ? [r.value] : [])),
    names: refs.flatMap((r) => (r?.kind === 'name' ? [r.value] : [])),
    phoneE164s: [],
    emails: [],
    creditCodes: [],
  });
  const live = customers.filter((c) => c.deletedAt === null);
  const customerOf = (ref: NonNullable<ReturnType<typeof customerRefOf>>) =>
    ref.kind === 'externalId'
      ? live.filter((c) => c.externalId === ref.value)
      : ref.kind === 'customerNo'
        ? live.filter((c) => c.customerNo === ref.value)
        : live.filter((c) => c.nameNormalized === ref.value);

  const prepared = rows.map((row, i) => {
    const values: Values = {};
    for (const field of CONTACT_IMPORT_WRITABLE)
      if (row.values[field] !== undefined) values[field] = row.values[field] as string | boolean;
    const issues: ImportRowIssue[] = [];
    const ref = refs[i];
    const found = ref ? customerOf(ref) : [];
    const refField =
      ref?.kind === 'externalId' ? 'customerExternalId' : ref?.kind === 'customerNo' ? 'customerNo' : 'customerName';
    const refText = String(row.values[refField] ?? '');
    if (!ref) issues.push({ field: 'customerName', code: 'imports.rowError.required' });
    else if (found.length === 0)
      issues.push({ field: refField, code: 'imports.rowError.notFound', params: { value: refText } });
    else if (found.length > 1)
      issues.push({ field: refField, code: 'imports.rowError.ambiguous', params: { value: refText } });
    if (typeof values.mobile === 'string' && parsePhone(values.mobile)?.kind !== 'mobile')
      issues.push({ field: 'mobile', code: 'imports.rowError.mobile' });
    for (const field of ['mobile', 'wechat', 'email', 'remarks'])
      if (values[field as ContactImportWritable] !== undefined && contactFieldAccess(actor, field) !== 'edit')
        issues.push({ field, code: 'imports.customers.error.readOnly' });
    const externalId = typeof row.values.externalId === 'string' ? row.values.externalId : null;
    const customerId = found.length === 1 ? found[0]!.id : null;
    return {
      row,
      values,
      wantsPrimary: row.values.isPrimary === true,
      issues,
      externalId,
      customerId,
      customerName: found[0]?.name ?? '',
      keys: keysOf(values, externalId, customerId),
    };
  });

  const contacts = await findContactsForImport(tx, orgId, {
    externalIds: prepared.flatMap((p) => (p.externalId ? [p.externalId] : [])),
    mobileE164s: prepared.flatMap((p) =>
      p.keys.filter((k) => k.value.startsWith('mobile:')).map((k) => k.value.slice(7)),
    ),
    emails: prepared.flatMap((p) => p.keys.filter((k) => k.value.startsWith('email:')).map((k) => k.value.slice(6))),
    customerIds: [...new Set(prepared.flatMap((p) => (p.customerId ? [p.customerId] : [])))],
  });
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const index = new KeyIndex('contact', context.fileMemory);
  for (const c of contacts) index.addStored(c.id, c.externalId, storedKeysOf(c), c.deletedAt !== null, c.name);

  const pending = new Map<string, PendingContact>();
  const results: ImportRowResult[] = [];
  for (const item of prepared) {
    if (item.issues.length === 0 && item.customerId && !(await customerWritable(context, item.customerId)))
      item.issues.push({
        field: 'customerName',
        code: 'imports.rowError.outOfScope',
        params: { value: item.customerName },
      });
    if (item.issues.length > 0) {
      results.push({ outcome: 'error', errors: item.issues });
      continue;
    }
    const decision = decideMatch(index, item.keys, context.duplicatePolicy);
    if (decision.action === 'error') results.push({ outcome: 'error', errors: [decision.issue] });
    else if (decision.action === 'duplicate') results.push({ outcome: 'duplicate', recordId: decision.id });
    else if (decision.action === 'create') {
      const id = newId();
      pending.set(id, {
        values: item.values,
        customerId: item.customerId!,
        externalId: item.externalId,
        wantsPrimary: item.wantsPrimary,
      });
      index.remember(id, item.keys, item.row.rowNumber, String(item.values.name));
      results.push({ outcome: 'created', recordId: id });
    } else results.push(await updateContact(context, { item, id: decision.id, pending, byId, index }));
  }
  if (context.mode === 'run' && pending.size > 0) {
    const primaries = await primariesForImportedContacts(
      tx,
      actor,
      [...pending.entries()].map(([id, { customerId, wantsPrimary }]) => ({ id, customerId, wantsPrimary })),
    );
    await insertContactRows(
      tx,
      [...pending.entries()].map(([id, { values, customerId, externalId }]) => {
        const base = {
          ...values,
          isPrimary: primaries.has(id),
          name: String(values.name),
          orgId,
          id,
          customerId,
          externalId,
          createdBy: actor.userId,
        } as Parameters<typeof insertContactRows>[1][number];
        return { ...base, ...contactDerivedColumns(base) };
      }),
    );
  }
  return results;
}

function keysOf(values: Values, externalId: string | null, customerId: string | null): MatchKey[] {
  const mobile = typeof values.mobile === 'string' ? normalizePhone(values.mobile).e164 : null;
  const email = typeof values.email === 'string' ? normalizeEmail(values.email) : null;
  return [
    ...(externalId ? [{ kind: 'externalId' as const, value: externalId }] : []),
    ...(mobile ? [{ kind: 'exact' as const, field: 'mobile', value: `mobile:${mobile}` }] : []),
    ...(email ? [{ kind: 'exact' as const, field: 'email', value: `email:${email}` }] : []),
    ...(customerId && typeof values.name === 'string'
      ? [{ kind: 'name' as const, value: `name:${customerId}:${normalizeName(values.name)}` }]
      : []),
  ];
}

const storedKeysOf = (c: ContactImportRow): string[] =>
  c.deletedAt !== null
    ? []
    : [
        ...(c.mobileE164 ? [`mobile:${c.mobileE164}`] : []),
        ...(c.emailNormalized ? [`email:${c.emailNormalized}`] : []),
        ...(c.nameNormalized ? [`name:${c.customerId}:${c.nameNormalized}`] : []),
      ];

async function customerWritable(context: ImportBatchContext, customerId: string): Promise<boolean> {
  const key = `contact-customer:${customerId}`;
  const cached = context.fileMemory.get(key);
  if (cached !== undefined) return cached === 'yes';
  const writable = (await lockWritableCustomer(context.tx, context.actor, customerId)) !== null;
  context.fileMemory.set(key, writable ? 'yes' : 'no');
  return writable;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

async function updateContact(
  context: ImportBatchContext,
  options: {
    item: {
      row: ImportRow;
      values: Values;
      wantsPrimary: boolean;
      externalId: string | null;
      customerId: string | null;
      keys: MatchKey[];
    };
    id: string;
    pending: Map<string, PendingContact>;
    byId: Map<string, ContactImportRow>;
    index: KeyIndex;
  },
): Promise<ImportRowResult> {
  const { item, id, pending, byId, index } = options;
  const changes: Record<string, unknown> = {};
  for (const field of CONTACT_IMPORT_WRITABLE)
    if (context.mappedFields.has(field) && item.values[field] !== undefined) changes[field] = item.values[field];
  const waiting = pending.get(id);
  if (waiting) {
    Object.assign(waiting.values, changes);
    waiting.wantsPrimary ||= item.wantsPrimary;
    return { outcome: 'updated', recordId: id };
  }
  const stored = byId.get(id);
  if (!stored) return { outcome: 'updated', recordId: id };
  const changed = Object.fromEntries(
    Object.entries(changes).filter(([key, value]) => !same(stored[key as ContactImportWritable], value)),
  );
  if (item.externalId && stored.externalId === null) changed.externalId = item.externalId;
  // Marked primary: the customer's old primary gives way (a row saying "no" changes nothing).
  const becomesPrimary = item.wantsPrimary && !stored.isPrimary && context.mappedFields.has('isPrimary');
  const makePrimary = async () => {
    if (becomesPrimary && context.mode === 'run')
      await makeImportedContactPrimary(context.tx, context.actor, { id, customerId: stored.customerId });
  };
  if (Object.keys(changed).length === 0) {
    await makePrimary();
    return becomesPrimary ? { outcome: 'updated', recordId: id } : { outcome: 'unchanged', recordId: id };
  }
  const next = { ...stored, ...changed } as ContactImportRow;
  const clash = index.clashOf(id, keysOf(next, null, next.customerId));
  if (clash) return { outcome: 'error', errors: [clash] };
  if (context.mode === 'run') {
    await updateContactForImport(
      context.tx,
      { orgId: context.orgId, id, version: stored.version },
      { ...changed, ...contactDerivedColumns(next) },
    );
    const before = Object.fromEntries(
      Object.keys(changed).map((key) => [key, stored[key as keyof ContactImportRow] ?? null]),
    );
    await recordAudit(context.tx, context.actor, {
      action: 'update',
      entity: 'contact',
      entityId: id,
      before,
      after: changed,
    });
  }
  // After the field update: making it primary bumps the row's version.
  await makePrimary();
  index.remember(id, keysOf(next, item.externalId, next.customerId), item.row.rowNumber, next.name);
  return { outcome: 'updated', recordId: id };
}

export const contactsImportKind: ImportKind = {
  name: 'contacts',
  permission: 'contacts.import',
  labelKey: 'imports.contacts.label',
  fields: CONTACT_IMPORT_FIELDS,
  messages: CONTACT_IMPORT_MESSAGES,
  importBatch: importContactRows,
};
