import { parsePhone } from '@guanxi/contract';
import { recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/db/ids.js';
import { normalizeEmail, normalizeName, normalizePhone } from '../../platform/search/text-normalization.js';
import {
  contactDerivedColumns,
  contactFieldAccess,
  findContactsForImport,
  insertContactRows,
  updateContactForImport,
  type ContactImportRow,
} from '../contacts/index.js';
import { findCustomersForImport, lockWritableCustomer } from '../customers/index.js';
import type {
  ImportBatchContext,
  ImportFieldSpec,
  ImportKind,
  ImportRow,
  ImportRowIssue,
  ImportRowResult,
} from './import-kind.js';
import { genderOptions } from './import-options.js';
import { decideMatch, KeyIndex, type MatchKey } from './record-matching.js';

const label = (key: string) => `imports.contacts.field.${key}`;
const WRITABLE = [
  'name',
  'gender',
  'title',
  'department',
  'mobile',
  'email',
  'wechat',
  'isDecisionMaker',
  'remarks',
] as const;
type Writable = (typeof WRITABLE)[number];

const FIELDS: readonly ImportFieldSpec[] = [
  {
    key: 'name',
    type: 'text',
    required: true,
    maxLength: 50,
    labelKey: label('name'),
    synonyms: ['联系人', '联系人姓名', '姓名', '联系人名称', 'contact', 'contact name', 'contactname', 'full name'],
  },
  {
    key: 'externalId',
    type: 'text',
    maxLength: 100,
    labelKey: label('externalId'),
    synonyms: ['联系人编号', '联系人ID', 'contact id', 'contact no'],
  },
  {
    key: 'customerName',
    type: 'text',
    maxLength: 100,
    labelKey: label('customerName'),
    hintKey: 'imports.contacts.hint.customer',
    synonyms: [
      '客户名称',
      '公司名称',
      '所属客户',
      '客户',
      '公司',
      'customer name',
      'customername',
      'company',
      'company name',
      'account name',
      'account',
    ],
  },
  {
    key: 'customerExternalId',
    type: 'text',
    maxLength: 100,
    labelKey: label('customerExternalId'),
    synonyms: ['客户外部编号', '客户ID', 'customer id', 'account id', 'customer external id'],
  },
  {
    key: 'customerNo',
    type: 'text',
    maxLength: 32,
    labelKey: label('customerNo'),
    synonyms: ['客户编号', '客户号', 'customer no', 'customer number'],
  },
  {
    key: 'mobile',
    type: 'phone',
    labelKey: label('mobile'),
    synonyms: ['手机', '手机号', '手机号码', '移动电话', '电话', '联系电话', 'mobile', 'cell', 'cellphone', 'phone'],
  },
  { key: 'email', type: 'email', labelKey: label('email'), synonyms: ['邮箱', '电子邮箱', 'e-mail', 'mail'] },
  {
    key: 'gender',
    type: 'enum',
    options: genderOptions,
    labelKey: label('gender'),
    synonyms: ['性别', 'gender', 'sex'],
  },
  {
    key: 'title',
    type: 'text',
    maxLength: 50,
    labelKey: label('title'),
    synonyms: ['职务', '职位', '头衔', 'title', 'job title', 'position'],
  },
  {
    key: 'department',
    type: 'text',
    maxLength: 50,
    labelKey: label('department'),
    synonyms: ['部门', '所在部门', 'department', 'dept'],
  },
  {
    key: 'wechat',
    type: 'text',
    maxLength: 50,
    labelKey: label('wechat'),
    synonyms: ['微信', '微信号', 'wechat', 'weixin', 'wx'],
  },
  {
    key: 'isDecisionMaker',
    type: 'boolean',
    labelKey: label('isDecisionMaker'),
    synonyms: ['决策人', '是否决策人', '关键决策人', 'decision maker'],
  },
  {
    key: 'remarks',
    type: 'text',
    maxLength: 2000,
    labelKey: label('remarks'),
    synonyms: ['备注', '说明', 'remarks', 'notes', 'note'],
  },
];

type Values = { [K in Writable]?: string | boolean | null };

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
    for (const field of WRITABLE)
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
      if (values[field as Writable] !== undefined && contactFieldAccess(actor, field) !== 'edit')
        issues.push({ field, code: 'imports.customers.error.readOnly' });
    const externalId = typeof row.values.externalId === 'string' ? row.values.externalId : null;
    const customerId = found.length === 1 ? found[0]!.id : null;
    return {
      row,
      values,
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

  const pending = new Map<string, { values: Values; customerId: string; externalId: string | null }>();
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
      pending.set(id, { values: item.values, customerId: item.customerId!, externalId: item.externalId });
      index.remember(id, item.keys, item.row.rowNumber, String(item.values.name));
      results.push({ outcome: 'created', recordId: id });
    } else results.push(await updateContact(context, { item, id: decision.id, pending, byId, index }));
  }
  if (context.mode === 'run' && pending.size > 0) {
    await insertContactRows(
      tx,
      [...pending.entries()].map(([id, { values, customerId, externalId }]) => {
        const base = {
          ...values,
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
    item: { row: ImportRow; values: Values; externalId: string | null; customerId: string | null; keys: MatchKey[] };
    id: string;
    pending: Map<string, { values: Values; customerId: string; externalId: string | null }>;
    byId: Map<string, ContactImportRow>;
    index: KeyIndex;
  },
): Promise<ImportRowResult> {
  const { item, id, pending, byId, index } = options;
  const changes: Record<string, unknown> = {};
  for (const field of WRITABLE)
    if (context.mappedFields.has(field) && item.values[field] !== undefined) changes[field] = item.values[field];
  const waiting = pending.get(id);
  if (waiting) {
    Object.assign(waiting.values, changes);
    return { outcome: 'updated', recordId: id };
  }
  const stored = byId.get(id);
  if (!stored) return { outcome: 'updated', recordId: id };
  const changed = Object.fromEntries(
    Object.entries(changes).filter(([key, value]) => !same(stored[key as Writable], value)),
  );
  if (item.externalId && stored.externalId === null) changed.externalId = item.externalId;
  if (Object.keys(changed).length === 0) return { outcome: 'unchanged', recordId: id };
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
  index.remember(id, keysOf(next, item.externalId, next.customerId), item.row.rowNumber, next.name);
  return { outcome: 'updated', recordId: id };
}

export const contactsImportKind: ImportKind = {
  name: 'contacts',
  permission: 'contacts.import',
  labelKey: 'imports.contacts.label',
  fields: FIELDS,
  messages: {
    en: {
      'imports.contacts.label': 'Contacts',
      'imports.contacts.field.name': 'Contact name',
      'imports.contacts.field.externalId': 'External id',
      'imports.contacts.field.customerName': 'Customer name',
      'imports.contacts.field.customerExternalId': 'Customer external id',
      'imports.contacts.field.customerNo': 'Customer number',
      'imports.contacts.field.mobile': 'Mobile',
      'imports.contacts.field.email': 'Email',
      'imports.contacts.field.gender': 'Gender',
      'imports.contacts.field.title': 'Title',
      'imports.contacts.field.department': 'Department',
      'imports.contacts.field.wechat': 'WeChat',
      'imports.contacts.field.isDecisionMaker': 'Decision maker',
      'imports.contacts.field.remarks': 'Remarks',
      'imports.contacts.hint.customer':
        'Map the customer name, number or external id: each contact joins an existing customer.',
      'imports.contacts.error.duplicateKey': '{field} is already used by contact “{value}”',
    },
    zhCN: {
      'imports.contacts.label': '联系人',
      'imports.contacts.field.name': '联系人姓名',
      'imports.contacts.field.externalId': '外部编号',
      'imports.contacts.field.customerName': '客户名称',
      'imports.contacts.field.customerExternalId': '客户外部编号',
      'imports.contacts.field.customerNo': '客户编号',
      'imports.contacts.field.mobile': '手机',
      'imports.contacts.field.email': '邮箱',
      'imports.contacts.field.gender': '性别',
      'imports.contacts.field.title': '职务',
      'imports.contacts.field.department': '部门',
      'imports.contacts.field.wechat': '微信',
      'imports.contacts.field.isDecisionMaker': '决策人',
      'imports.contacts.field.remarks': '备注',
      'imports.contacts.hint.customer': '请对应客户名称、客户编号或客户外部编号：每个联系人都归属于已有客户。',
      'imports.contacts.error.duplicateKey': '{field}已被联系人“{value}”使用',
    },
  },
  importBatch: importContactRows,
};
