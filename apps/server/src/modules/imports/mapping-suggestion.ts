import type { ImportMapping } from '@guanxi/contract';
import { translate, type MessageKey } from '../../platform/i18n/index.js';
import { normalizeKey } from './cell-values.js';
import type { ImportFieldSpec, ImportKind } from './import-kind.js';

/** Header spellings every kind's `externalId` field answers to. */
export const EXTERNAL_ID_SYNONYMS = [
  '外部编号',
  '外部ID',
  '外部id',
  '原系统编号',
  '原系统ID',
  '系统编号',
  'external id',
  'externalid',
  'external key',
  'source id',
  'legacy id',
  'old id',
];

/** The names a field answers to: its key, its labels in both languages and its synonyms, normalized. */
export function fieldNames(field: ImportFieldSpec): string[] {
  const names = [
    field.key,
    label(field.labelKey, 'en'),
    label(field.labelKey, 'zh-CN'),
    ...(field.synonyms ?? []),
    ...(field.key === 'externalId' ? EXTERNAL_ID_SYNONYMS : []),
  ];
  return [...new Set(names.map(normalizeKey).filter(Boolean))];
}

const label = (key: string, locale: 'en' | 'zh-CN') => {
  try {
    return translate(locale, key as MessageKey);
  } catch {
    return '';
  }
};

/**
 * Columns to fields from the headers: an exact name first (客户名称, Customer Name, CUSTOMERNAME),
 * then a header that contains a field's name (“客户名称（必填）”), longest name first. Each column
 * and each field is used at most once.
 */
export function suggestColumns(kind: ImportKind, headers: readonly string[]): Record<string, number> {
  const normalized = headers.map(normalizeKey);
  const columns: Record<string, number> = {};
  const used = new Set<number>();
  const names = kind.fields.map((field) => ({ field, names: fieldNames(field) }));
  for (const { field, names: fieldNamesList } of names) {
    const index = normalized.findIndex((header, i) => !used.has(i) && header !== '' && fieldNamesList.includes(header));
    if (index >= 0) {
      columns[field.key] = index;
      used.add(index);
    }
  }
  const partial = names
    .filter(({ field }) => columns[field.key] === undefined)
    .flatMap(({ field, names: list }) => list.filter((name) => [...name].length >= 2).map((name) => ({ field, name })))
    .sort((a, b) => b.name.length - a.name.length);
  for (const { field, name } of partial) {
    if (columns[field.key] !== undefined) continue;
    const index = normalized.findIndex((header, i) => !used.has(i) && header.includes(name));
    if (index >= 0) {
      columns[field.key] = index;
      used.add(index);
    }
  }
  return columns;
}

/** The mapping a new job starts with: suggested columns, the importer as owner, updates of matches. */
export function suggestMapping(kind: ImportKind, headers: readonly string[], userId: string): ImportMapping {
  return {
    columns: suggestColumns(kind, headers),
    constants: {},
    valueMaps: {},
    dateOrder: 'ymd',
    duplicatePolicy: 'skip',
    owner: { mode: 'fixed', userId },
  };
}

/**
 * A template's mapping applied to a file: each mapped column is found again by its header (the
 * file's columns may be in another order); a column whose header is gone is left unmapped.
 */
export function applyTemplateColumns(
  template: { headers: readonly string[]; mapping: ImportMapping },
  headers: readonly string[],
): ImportMapping {
  const normalized = headers.map(normalizeKey);
  const columns: Record<string, number> = {};
  for (const [field, index] of Object.entries(template.mapping.columns)) {
    const header = template.headers[index];
    if (header === undefined) continue;
    const found = normalized.indexOf(normalizeKey(header));
    if (found >= 0) columns[field] = found;
  }
  return { ...template.mapping, columns };
}
