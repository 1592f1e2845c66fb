import { findContactByName } from '../contacts/index.js';
import {
  DEFAULT_FOLLOW_UP_TYPES,
  findFollowUpImportMatches,
  getFollowUpTypes,
  insertFollowUp,
  type ImportMatchedFollowUp,
} from '../follow-ups/index.js';
import { CUSTOMER_REFERENCE_FIELDS, defineFields, externalIdField } from './import-field-catalog.js';
import type { ImportBatchContext, ImportKind, ImportRow, ImportRowResult } from './import-kind.js';
import { failed, issue, plannedId, textOf, writeAtomically } from './import-kind-support.js';
import { resolveCustomers, type CustomerResolution } from './import-customer-refs.js';

const TYPE_SYNONYMS: Record<string, string[]> = {
  call: ['电话', '打电话', '电话沟通', '来电', '去电', 'Phone', 'Phone Call', 'Telephone', 'Tel'],
  visit: ['拜访', '上门', '上门拜访', '面谈', '拜访客户', 'Visit', 'Site Visit'],
  email: ['邮件', '电子邮件', '邮箱', 'Email', 'E-mail', 'Mail'],
  sms: ['短信', 'SMS', 'Text', 'Text Message'],
  wechat: ['微信', '微信沟通', 'WeChat', 'WX', 'Weixin'],
  meeting: ['会议', '开会', '会面', 'Meeting', 'Meet'],
  other: ['其他', 'Other'],
};

const { fields, messages } = defineFields(
  'follow_ups',
  { en: 'Follow-ups', zh: '跟进记录' },
  [
    externalIdField('Follow-up external ID', '跟进外部编号'),
    ...CUSTOMER_REFERENCE_FIELDS,
    {
      key: 'type',
      type: 'enum',
      en: 'Type',
      zh: '跟进方式',
      hintEn: 'Empty cells import as Other.',
      hintZh: '为空时按“其他”导入。',
      synonyms: ['跟进类型', '方式', '类型', '联系方式', 'Type', 'Activity Type', 'Channel'],
      options: DEFAULT_FOLLOW_UP_TYPES.map((t) => ({
        value: t.code,
        en: t.nameEn,
        zh: t.nameZh,
        synonyms: TYPE_SYNONYMS[t.code] ?? [],
      })),
    },
    {
      key: 'content',
      type: 'text',
      required: true,
      maxLength: 5000,
      en: 'Content',
      zh: '跟进内容',
      synonyms: [
        '内容',
        '记录',
        '沟通内容',
        '跟进记录',
        '详情',
        'Content',
        'Notes',
        'Description',
        'Details',
        'Summary',
      ],
    },
    {
      key: 'occurredAt',
      type: 'datetime',
      en: 'Time',
      zh: '跟进时间',
      hintEn: 'Defaults to now; not in the future.',
      hintZh: '为空时为当前时间；不能晚于现在。',
      synonyms: ['跟进日期', '时间', '日期', '沟通时间', 'Date', 'Time', 'Occurred At', 'Activity Date'],
    },
    {
      key: 'nextContactAt',
      type: 'datetime',
      en: 'Next contact',
      zh: '下次联系时间',
      hintEn: 'A time already past is left out (the reminder is moot).',
      hintZh: '已过去的时间不导入（提醒已无意义）。',
      synonyms: ['下次跟进时间', '下次联系', '下次跟进', 'Next Contact', 'Next Follow-up', 'Next Follow Up'],
    },
    {
      key: 'contactName',
      type: 'text',
      maxLength: 50,
      en: 'Contact',
      zh: '联系人',
      hintEn: 'A contact of the customer, by name.',
      hintZh: '该客户的联系人姓名。',
      synonyms: ['联系人姓名', 'Contact', 'Contact Name', 'Contact Person'],
    },
  ],
  {
    en: { 'imports.follow_ups.error.noUpdate': 'A follow-up is not changed by an import; edit it by hand' },
    zhCN: { 'imports.follow_ups.error.noUpdate': '导入不会修改已有跟进记录，请手动编辑' },
  },
);

const sameFollowUp = (f: ImportMatchedFollowUp, customerId: string, content: string, occurredAt: string | null) =>
  f.customerId === customerId &&
  f.content.trim() === content &&
  (occurredAt === null || f.occurredAt.getTime() === new Date(occurredAt).getTime());

async function importRow(
  context: ImportBatchContext,
  row: ImportRow,
  customer: CustomerResolution,
  existing: ImportMatchedFollowUp[],
  activeTypes: ReadonlySet<string>,
): Promise<ImportRowResult> {
  if ('issues' in customer) return failed(...customer.issues);
  const customerId = customer.customer.id;
  const content = textOf(row, 'content')!;
  const occurredAt = textOf(row, 'occurredAt');
  const externalId = textOf(row, 'externalId');
  const type = textOf(row, 'type') ?? 'other';
  if (!activeTypes.has(type)) return failed(issue('type', 'imports.rowError.invalid'));
  const byExternal = externalId ? existing.find((f) => f.externalId === externalId) : undefined;
  if (byExternal?.deleted) return failed(issue('externalId', 'imports.rowError.deletedRecord'));
  const match = byExternal ?? existing.find((f) => !f.deleted && sameFollowUp(f, customerId, content, occurredAt));
  const memoryKey = `follow-up:${externalId ?? `${customerId}:${occurredAt}:${content}`}`;
  if (match || context.fileMemory.has(memoryKey)) {
    if (context.duplicatePolicy === 'update') {
      if (match && sameFollowUp(match, customerId, content, occurredAt) && match.type === type)
        return { outcome: 'unchanged', recordId: match.id };
      if (match) return failed(issue(null, 'imports.follow_ups.error.noUpdate'));
    }
    if (context.duplicatePolicy !== 'create' || externalId)
      return { outcome: 'duplicate', ...(match ? { recordId: match.id } : {}) };
  }
  const contactName = textOf(row, 'contactName');
  const contactId = contactName ? await findContactByName(context.tx, context.orgId, customerId, contactName) : null;
  if (contactName && !contactId)
    return failed(issue('contactName', 'imports.rowError.notFound', { value: contactName }));
  const next = textOf(row, 'nextContactAt');
  const body = {
    customerId,
    type,
    content,
    ...(occurredAt ? { occurredAt } : {}),
    // A reminder that has already passed is moot: the follow-up comes without it.
    ...(next && new Date(next).getTime() > context.now.getTime() ? { nextContactAt: next } : {}),
    ...(contactId ? { contactIds: [contactId] } : {}),
  };
  if (context.mode === 'check') {
    const written = await writeAtomically(context, async (tx) => {
      await insertFollowUp(tx, context.actor, body, { now: context.now, audited: false });
      throw new DryRunRollback();
    }).catch((error: unknown) =>
      error instanceof DryRunRollback ? { ok: true as const, value: '' } : Promise.reject(error),
    );
    if (!written.ok) return failed(...written.issues);
    context.fileMemory.set(memoryKey, plannedId(memoryKey));
    return { outcome: 'created' };
  }
  const written = await writeAtomically(context, (tx) =>
    insertFollowUp(tx, context.actor, body, { now: context.now, audited: false, externalId }),
  );
  if (!written.ok) return failed(...written.issues);
  context.fileMemory.set(memoryKey, written.value);
  return { outcome: 'created', recordId: written.value };
}

class DryRunRollback extends Error {}

/**
 * Follow-ups (跟进记录) of customers, by the rules of logging one by hand: the customer in the
 * importer's write scope, an active type, content, a time not in the future; the customer's last
 * follow-up and next contact times move (the pool's reclaim clock), as for a hand-made one.
 */
export const followUpsImportKind: ImportKind = {
  name: 'follow_ups',
  permission: 'followups.import',
  labelKey: 'imports.follow_ups.label',
  messages,
  fields,
  async importBatch(context, rows) {
    const customerOf = await resolveCustomers(context, rows);
    const customers = rows.map((row) => customerOf(row));
    const existing = await findFollowUpImportMatches(context.tx, context.orgId, {
      externalIds: rows.flatMap((r) => textOf(r, 'externalId') ?? []),
      customerIds: customers.flatMap((c) => ('customer' in c ? [c.customer.id] : [])),
    });
    const activeTypes = new Set(
      (await getFollowUpTypes(context.tx, context.orgId)).filter((t) => t.active).map((t) => t.code),
    );
    const results: ImportRowResult[] = [];
    for (const [i, row] of rows.entries())
      results.push(await importRow(context, row, customers[i]!, existing, activeTypes));
    return results;
  },
};
