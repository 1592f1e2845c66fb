import { parsePhone } from '@guanxi/contract';
import { recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/db/ids.js';
import { normalizeEmail, normalizeName, normalizePhone } from '../../platform/search/text-normalization.js';
import {
  findAssignableLeadOwners,
  findLeadsForImport,
  insertLeadRows,
  leadDerivedColumns,
  leadFieldAccess,
  updateLeadForImport,
  type LeadImportRow,
} from '../leads/index.js';
import type {
  ImportBatchContext,
  ImportFieldSpec,
  ImportKind,
  ImportRow,
  ImportRowIssue,
  ImportRowResult,
} from './import-kind.js';
import { sourceOptions } from './import-options.js';
import { decideMatch, KeyIndex, type MatchKey } from './record-matching.js';

const label = (key: string) => `imports.leads.field.${key}`;
const WRITABLE = ['name', 'companyName', 'title', 'mobile', 'phone', 'email', 'wechat', 'source', 'remarks'] as const;
type Writable = (typeof WRITABLE)[number];
type Values = { [K in Writable]?: string };

const FIELDS: readonly ImportFieldSpec[] = [
  {
    key: 'name',
    type: 'text',
    required: true,
    maxLength: 50,
    labelKey: label('name'),
    synonyms: ['姓名', '联系人', '线索名称', '客户姓名', 'name', 'contact name', 'full name', 'lead name'],
  },
  {
    key: 'externalId',
    type: 'text',
    maxLength: 100,
    labelKey: label('externalId'),
    synonyms: ['线索编号', '线索ID', 'lead id', 'lead no'],
  },
  {
    key: 'companyName',
    type: 'text',
    maxLength: 100,
    labelKey: label('companyName'),
    synonyms: ['公司名称', '公司', '单位', '企业名称', 'company', 'company name', 'organization', 'organisation'],
  },
  {
    key: 'title',
    type: 'text',
    maxLength: 50,
    labelKey: label('title'),
    synonyms: ['职务', '职位', 'title', 'job title', 'position'],
  },
  {
    key: 'mobile',
    type: 'phone',
    labelKey: label('mobile'),
    synonyms: ['手机', '手机号', '手机号码', 'mobile', 'cell', 'cellphone'],
  },
  {
    key: 'phone',
    type: 'phone',
    labelKey: label('phone'),
    synonyms: ['电话', '座机', '固话', '联系电话', 'tel', 'telephone', 'phone', 'landline'],
  },
  { key: 'email', type: 'email', labelKey: label('email'), synonyms: ['邮箱', '电子邮箱', 'e-mail', 'mail'] },
  {
    key: 'wechat',
    type: 'text',
    maxLength: 50,
    labelKey: label('wechat'),
    synonyms: ['微信', '微信号', 'wechat', 'weixin'],
  },
  {
    key: 'source',
    type: 'enum',
    options: sourceOptions,
    dictionary: 'source',
    labelKey: label('source'),
    synonyms: ['来源', '线索来源', '渠道', 'source', 'lead source', 'channel'],
  },
  {
    key: 'remarks',
    type: 'text',
    maxLength: 2000,
    labelKey: label('remarks'),
    synonyms: ['备注', '说明', '需求', 'remarks', 'notes', 'note'],
  },
  {
    key: 'ownerId',
    type: 'user',
    labelKey: label('ownerId'),
    synonyms: ['负责人', '跟进人', '销售', '业务员', 'owner', 'sales rep', 'assigned to'],
  },
];

function keysOf(values: Values, externalId: string | null): MatchKey[] {
  const phones = [normalizePhone(values.mobile).e164, normalizePhone(values.phone).e164].filter(
    (p): p is string => p !== null,
  );
  const email = values.email ? normalizeEmail(values.email) : null;
  return [
    ...(externalId ? [{ kind: 'externalId' as const, value: externalId }] : []),
    ...[...new Set(phones)].map((phone) => ({
      kind: 'exact' as const,
      field: phone === normalizePhone(values.mobile).e164 ? 'mobile' : 'phone',
      value: `phone:${phone}`,
    })),
    ...(email ? [{ kind: 'exact' as const, field: 'email', value: `email:${email}` }] : []),
    ...(values.name
      ? [
          {
            kind: 'name' as const,
            value: `name:${normalizeName(values.companyName ?? '')}:${normalizeName(values.name)}`,
          },
        ]
      : []),
  ];
}

const storedKeysOf = (l: LeadImportRow): string[] =>
  l.deletedAt !== null || l.status === 'converted'
    ? []
    : [
        ...(l.mobileE164 ? [`phone:${l.mobileE164}`] : []),
        ...(l.phoneE164 ? [`phone:${l.phoneE164}`] : []),
        ...(l.emailNormalized ? [`email:${l.emailNormalized}`] : []),
        `name:${l.companyNormalized ?? ''}:${normalizeName(l.name)}`,
      ];

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/**
 * A batch of leads: matched by external id, by the lead duplicate rule (the same phone — mobile or
 * landline — or email on another unconverted lead) or by company and name; created with the row's
 * owner (assigned) or the importer's, never into a pool; updates leave owner and status alone.
 */
async function importLeadRows(context: ImportBatchContext, rows: readonly ImportRow[]): Promise<ImportRowResult[]> {
  const { tx, actor, orgId } = context;
  const prepared = rows.map((row) => {
    const values: Values = {};
    for (const field of WRITABLE)
      if (typeof row.values[field] === 'string') values[field] = row.values[field] as string;
    const issues: ImportRowIssue[] = [];
    if (values.mobile && parsePhone(values.mobile)?.kind !== 'mobile')
      issues.push({ field: 'mobile', code: 'imports.rowError.mobile' });
    for (const field of ['mobile', 'phone', 'wechat', 'email', 'remarks'])
      if (values[field as Writable] !== undefined && leadFieldAccess(actor, field) !== 'edit')
        issues.push({ field, code: 'imports.customers.error.readOnly' });
    const externalId = typeof row.values.externalId === 'string' ? row.values.externalId : null;
    return { row, values, issues, externalId, keys: keysOf(values, externalId) };
  });
  const found = await findLeadsForImport(tx, orgId, {
    externalIds: prepared.flatMap((p) => (p.externalId ? [p.externalId] : [])),
    phoneE164s: prepared.flatMap((p) =>
      p.keys.filter((k) => k.value.startsWith('phone:')).map((k) => k.value.slice(6)),
    ),
    emails: prepared.flatMap((p) => p.keys.filter((k) => k.value.startsWith('email:')).map((k) => k.value.slice(6))),
    companies: prepared.flatMap((p) => (p.values.companyName ? [normalizeName(p.values.companyName)] : [])),
  });
  const byId = new Map(found.map((l) => [l.id, l]));
  const index = new KeyIndex('lead', context.fileMemory);
  for (const l of found) index.addStored(l.id, l.externalId, storedKeysOf(l), l.deletedAt !== null, l.name);
  const owners = new Set(
    await findAssignableLeadOwners(tx, actor, [
      ...new Set(prepared.flatMap((p) => (p.row.ownerId ? [p.row.ownerId] : []))),
    ]),
  );

  const pending = new Map<string, { values: Values; ownerId: string; externalId: string | null }>();
  const results: ImportRowResult[] = [];
  for (const item of prepared) {
    if (item.issues.length > 0) {
      results.push({ outcome: 'error', errors: item.issues });
      continue;
    }
    const decision = decideMatch(index, item.keys, context.duplicatePolicy);
    if (decision.action === 'error') results.push({ outcome: 'error', errors: [decision.issue] });
    else if (decision.action === 'duplicate') results.push({ outcome: 'duplicate', recordId: decision.id });
    else if (decision.action === 'create') {
      const ownerId = item.row.ownerId ?? actor.userId;
      if (ownerId !== actor.userId && !owners.has(ownerId)) {
        results.push({ outcome: 'error', errors: [{ field: 'ownerId', code: 'imports.rowError.invalid' }] });
        continue;
      }
      const id = newId();
      pending.set(id, { values: item.values, ownerId, externalId: item.externalId });
      index.remember(id, item.keys, item.row.rowNumber, item.values.name ?? '');
      results.push({ outcome: 'created', recordId: id });
    } else {
      results.push(await updateLead(context, { item, id: decision.id, pending, byId, index }));
    }
  }
  if (context.mode === 'run' && pending.size > 0) {
    await insertLeadRows(
      tx,
      [...pending.entries()].map(([id, { values, ownerId, externalId }]) => {
        const base = {
          ...values,
          name: values.name ?? '',
          orgId,
          id,
          ownerId,
          status: 'assigned',
          externalId,
          createdBy: actor.userId,
        };
        return { ...base, ...leadDerivedColumns(base) };
      }),
    );
  }
  return results;
}

async function updateLead(
  context: ImportBatchContext,
  options: {
    item: { row: ImportRow; values: Values; externalId: string | null };
    id: string;
    pending: Map<string, { values: Values; ownerId: string; externalId: string | null }>;
    byId: Map<string, LeadImportRow>;
    index: KeyIndex;
  },
): Promise<ImportRowResult> {
  const { item, id, pending, byId, index } = options;
  const changes: Values = {};
  for (const field of WRITABLE)
    if (context.mappedFields.has(field) && item.values[field] !== undefined) changes[field] = item.values[field];
  const waiting = pending.get(id);
  if (waiting) {
    Object.assign(waiting.values, changes);
    return { outcome: 'updated', recordId: id };
  }
  const stored = byId.get(id);
  if (!stored) return { outcome: 'updated', recordId: id };
  if (stored.status === 'converted') return { outcome: 'duplicate', recordId: id };
  const changed: Record<string, unknown> = Object.fromEntries(
    Object.entries(changes).filter(([key, value]) => !same(stored[key as Writable], value)),
  );
  if (item.externalId && stored.externalId === null) changed.externalId = item.externalId;
  if (Object.keys(changed).length === 0) return { outcome: 'unchanged', recordId: id };
  const next = { ...stored, ...changed } as LeadImportRow;
  const nextValues = Object.fromEntries(WRITABLE.map((field) => [field, next[field] ?? undefined])) as Values;
  const clash = index.clashOf(id, keysOf(nextValues, null));
  if (clash) return { outcome: 'error', errors: [clash] };
  if (context.mode === 'run') {
    await updateLeadForImport(
      context.tx,
      { orgId: context.orgId, id, version: stored.version },
      { ...changed, ...leadDerivedColumns(next) },
    );
    const before = Object.fromEntries(
      Object.keys(changed).map((key) => [key, stored[key as keyof LeadImportRow] ?? null]),
    );
    await recordAudit(context.tx, context.actor, {
      action: 'update',
      entity: 'lead',
      entityId: id,
      before,
      after: changed,
    });
  }
  index.remember(id, keysOf(nextValues, item.externalId), item.row.rowNumber, next.name);
  return { outcome: 'updated', recordId: id };
}

export const leadsImportKind: ImportKind = {
  name: 'leads',
  permission: 'leads.import',
  assignPermission: 'leads.assign',
  labelKey: 'imports.leads.label',
  fields: FIELDS,
  messages: {
    en: {
      'imports.leads.label': 'Leads',
      'imports.leads.field.name': 'Name',
      'imports.leads.field.externalId': 'External id',
      'imports.leads.field.companyName': 'Company',
      'imports.leads.field.title': 'Title',
      'imports.leads.field.mobile': 'Mobile',
      'imports.leads.field.phone': 'Phone',
      'imports.leads.field.email': 'Email',
      'imports.leads.field.wechat': 'WeChat',
      'imports.leads.field.source': 'Source',
      'imports.leads.field.remarks': 'Remarks',
      'imports.leads.field.ownerId': 'Owner',
      'imports.leads.error.duplicateKey': '{field} is already used by lead “{value}”',
    },
    zhCN: {
      'imports.leads.label': '线索',
      'imports.leads.field.name': '姓名',
      'imports.leads.field.externalId': '外部编号',
      'imports.leads.field.companyName': '公司名称',
      'imports.leads.field.title': '职务',
      'imports.leads.field.mobile': '手机',
      'imports.leads.field.phone': '电话',
      'imports.leads.field.email': '邮箱',
      'imports.leads.field.wechat': '微信',
      'imports.leads.field.source': '来源',
      'imports.leads.field.remarks': '备注',
      'imports.leads.field.ownerId': '负责人',
      'imports.leads.error.duplicateKey': '{field}已被线索“{value}”使用',
    },
  },
  importBatch: importLeadRows,
};
