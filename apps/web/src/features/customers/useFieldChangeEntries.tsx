import { CUSTOMER_WRITABLE_FIELDS, type AuditEntry, type CustomerWritableField } from '@guanxi/contract';
import { Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDictionary } from '../../platform/dictionaries';
import { useHasPermission } from '../../platform/session.queries';
import { useCustomerAudit } from './customerAudit.queries';

/**
 * Fields a person edits on the form, the name first; stage and owner have their own timeline
 * entries, and the region code is bookkeeping behind the region shown.
 */
type Field = Exclude<CustomerWritableField, 'stage' | 'regionCode'>;
const FIELDS: readonly Field[] = [
  'name',
  ...CUSTOMER_WRITABLE_FIELDS.filter((field): field is Field => !['name', 'stage', 'regionCode'].includes(field)),
];
const VOCABULARY: Partial<Record<Field, string>> = {
  kind: 'kind',
  scale: 'scale',
  gender: 'gender',
};
const SHOWN = 5;

export interface TimelineEntry {
  key: string;
  at: string;
  color: string;
  content: ReactNode;
}

interface Change {
  field: Field;
  before: unknown;
  after: unknown;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};

/** Null, missing, '' and [] all mean "no value"; a change between them is no change. */
const normalized = (value: unknown) =>
  value === undefined || value === '' || (Array.isArray(value) && value.length === 0) ? 'null' : JSON.stringify(value);

function changesOf(entry: AuditEntry): Change[] {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  return FIELDS.filter((field) => field in after && normalized(before[field]) !== normalized(after[field])).map(
    (field) => ({ field, before: before[field], after: after[field] }),
  );
}

/**
 * Field changes of a customer from the audit log (before → after), as timeline entries. Only for
 * users who may read the audit log; for everyone else this asks nothing and adds nothing.
 */
export function useFieldChangeEntries(customerId: string): TimelineEntry[] {
  const { t } = useTranslation();
  const canView = useHasPermission('audit.view');
  const audit = useCustomerAudit(customerId, canView);
  const empty = t('fieldChange.empty');
  // Levels, sources and industries read as the organization's dictionary names.
  const dictionaries = {
    tier: useDictionary('tier'),
    source: useDictionary('source'),
    industry: useDictionary('industry'),
  };

  const show = (field: Field, value: unknown): string => {
    if (value === null || value === undefined || value === '') return empty;
    if (Array.isArray(value)) return value.length > 0 ? value.map(String).join('、') : empty;
    if (field === 'tier' || field === 'source' || field === 'industry')
      return dictionaries[field].label(String(value)) ?? empty;
    const vocabulary = VOCABULARY[field];
    return vocabulary ? t(`${vocabulary}.${String(value)}`, { defaultValue: String(value) }) : String(value);
  };

  const titleOf = (entry: AuditEntry) => {
    if (entry.action === 'update') return t('fieldChange.updated');
    if (entry.action === 'delete') return t('fieldChange.deleted');
    if (entry.action === 'restore') return t('fieldChange.restored');
    // Creation, stage and owner changes already have their own entries.
    return null;
  };

  return (audit.data?.items ?? []).flatMap((entry): TimelineEntry[] => {
    const title = titleOf(entry);
    const changes = entry.action === 'update' ? changesOf(entry) : [];
    if (title === null || (entry.action === 'update' && changes.length === 0)) return [];
    const actor = `${dayjs(entry.at).format('YYYY-MM-DD HH:mm')} · ${entry.actorName ?? t('ownership.byRule')}`;
    return [
      {
        key: `a-${entry.id}`,
        at: entry.at,
        color: 'gray',
        content: (
          <div data-testid="timeline-field-change">
            <Typography.Text strong>{title}</Typography.Text>
            <div>
              <Typography.Text type="secondary">{actor}</Typography.Text>
            </div>
            {changes.slice(0, SHOWN).map((change) => (
              <div key={change.field} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                <Typography.Text type="secondary">
                  {t('fieldChange.field', { field: t(`customer.${change.field}`) })}
                </Typography.Text>
                <Typography.Text delete type="secondary">
                  {show(change.field, change.before)}
                </Typography.Text>
                {' → '}
                <Typography.Text>{show(change.field, change.after)}</Typography.Text>
              </div>
            ))}
            {changes.length > SHOWN && (
              <Typography.Text type="secondary">
                {t('fieldChange.more', { count: changes.length - SHOWN })}
              </Typography.Text>
            )}
          </div>
        ),
      },
    ];
  });
}
