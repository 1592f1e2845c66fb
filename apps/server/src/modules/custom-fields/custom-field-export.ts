import { customFieldAccess, customFieldLabel, type CustomFieldEntity, type CustomFieldValues } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import type { ExportColumn } from '../../platform/export/index.js';
import { customFieldsRepository, type CustomFieldRow } from './custom-fields.repository.js';

/** A value as a file shows it: option labels, yuan, dates as stored, colleagues by name. */
function cellOf(row: CustomFieldRow, value: unknown, locale: string, people: Map<string, string>) {
  if (value === undefined || value === null) return null;
  const optionLabel = (v: unknown) => {
    const option = row.options.find((o) => o.value === v);
    return option ? (locale === 'en' ? option.labelEn || option.label : option.label) : String(v);
  };
  switch (row.type) {
    case 'select':
      return optionLabel(value);
    case 'multiselect':
      return Array.isArray(value) ? value.map(optionLabel).join(', ') : null;
    case 'person':
      return people.get(String(value)) ?? null;
    case 'money':
      return typeof value === 'number' ? value / 100 : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    default:
      return String(value);
  }
}

/**
 * The live custom fields of a record type as export columns after the fixed ones, for one reader:
 * fields the reader's role hides are left out, headers in the reader's language.
 */
export async function customFieldExportColumns<Item extends { customFields: CustomFieldValues | null }>(
  executor: Executor,
  actor: Pick<Actor, 'orgId' | 'fieldPermissions' | 'locale'>,
  entity: CustomFieldEntity,
): Promise<ExportColumn<Item>[]> {
  const rows = (await customFieldsRepository.findLive(executor, actor.orgId, entity)).filter(
    (row) => customFieldAccess(actor.fieldPermissions, entity, row.key) !== 'hidden',
  );
  const people = rows.some((row) => row.type === 'person')
    ? await customFieldsRepository.findOrganizationUserNames(executor, actor.orgId)
    : new Map<string, string>();
  return rows.map((row) => ({
    header: { text: customFieldLabel(row, actor.locale) },
    value: (item: Item) => cellOf(row, item.customFields?.[row.key], actor.locale, people),
    kind: row.type === 'money' ? 'money' : row.type === 'number' ? 'number' : 'text',
    width: row.type === 'multiselect' || row.type === 'text' ? 24 : 14,
  }));
}
