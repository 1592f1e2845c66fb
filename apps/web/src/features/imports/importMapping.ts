import type { ImportColumn, ImportField, ImportMapping, ImportRowError } from '@guanxi/contract';

/** The field a column is mapped to (`mapping.columns` is field → column), or null when it is ignored. */
export function fieldForColumn(mapping: ImportMapping, columnIndex: number): string | null {
  for (const [field, column] of Object.entries(mapping.columns)) if (column === columnIndex) return field;
  return null;
}

/**
 * Maps a column to a field (null: ignore the column). A field reads one column, so a field taken
 * from another column leaves that one ignored; the value map of a field no longer read is dropped.
 */
export function assignColumn(mapping: ImportMapping, columnIndex: number, field: string | null): ImportMapping {
  const columns: Record<string, number> = {};
  for (const [key, column] of Object.entries(mapping.columns))
    if (column !== columnIndex && key !== field) columns[key] = column;
  if (field !== null) columns[field] = columnIndex;
  const valueMaps = Object.fromEntries(Object.entries(mapping.valueMaps).filter(([key]) => key in columns));
  // A field now read from the file no longer needs the one value given to every row.
  const constants = Object.fromEntries(Object.entries(mapping.constants).filter(([key]) => !(key in columns)));
  return { ...mapping, columns, valueMaps, constants };
}

/** Required fields that neither a column nor a fixed value fills: the check cannot start without them. */
export const missingRequired = (fields: readonly ImportField[], mapping: ImportMapping): ImportField[] =>
  fields.filter((field) => field.required && !(field.key in mapping.columns) && !mapping.constants[field.key]);

/** A column's distinct non-empty values (the scan keeps up to 50), in the order they appear. */
export function distinctColumnValues(column: ImportColumn | undefined): string[] {
  const seen = new Set<string>();
  for (const sample of column?.values ?? []) {
    const value = sample.trim();
    if (value !== '') seen.add(value);
  }
  return [...seen];
}

const normalized = (text: string) => text.trim().toLowerCase();

/** The option a file value plainly names (its label or its stored value, any case), if one does. */
export function matchingOption(field: ImportField, fileValue: string): string | undefined {
  const wanted = normalized(fileValue);
  return field.options.find((option) => normalized(option.label) === wanted || normalized(option.value) === wanted)
    ?.value;
}

/** One line of a value map: a value seen in the file and the option it becomes (undefined: not chosen yet). */
export interface ValueMapRow {
  fileValue: string;
  option: string | undefined;
}

/** The value map of an enumeration field read from `column`: the chosen option, else the plainly named one. */
export function valueMapRows(options: {
  field: ImportField;
  column: ImportColumn | undefined;
  mapping: ImportMapping;
  /** Values found beyond the samples (refused by the dry run). */
  extra?: readonly string[];
}): ValueMapRow[] {
  const { field, column, mapping, extra = [] } = options;
  const chosen = mapping.valueMaps[field.key] ?? {};
  const values = [...new Set([...distinctColumnValues(column), ...extra, ...Object.keys(chosen)])];
  return values.map((fileValue) => ({
    fileValue,
    option: chosen[fileValue] ?? matchingOption(field, fileValue),
  }));
}

/** Enumeration fields read from a column: the ones whose file values need a value map. */
export function mappedEnumFields(fields: readonly ImportField[], mapping: ImportMapping): ImportField[] {
  return fields.filter((field) => field.type === 'enum' && field.key in mapping.columns);
}

/**
 * The mapping with every value map filled in where a file value plainly names an option (so what the
 * screen shows as chosen is what the server receives).
 */
export function withMatchedValues(options: {
  fields: readonly ImportField[];
  columns: readonly ImportColumn[];
  mapping: ImportMapping;
}): ImportMapping {
  const { fields, columns, mapping } = options;
  const valueMaps = { ...mapping.valueMaps };
  for (const field of mappedEnumFields(fields, mapping)) {
    const column = columns.find((candidate) => candidate.index === mapping.columns[field.key]);
    const rows = valueMapRows({ field, column, mapping });
    const map = { ...valueMaps[field.key] };
    for (const row of rows) if (row.option !== undefined) map[row.fileValue] = row.option;
    if (Object.keys(map).length > 0) valueMaps[field.key] = map;
  }
  return { ...mapping, valueMaps };
}

/** Whether a field read from the file holds dates (so how 03/01/24 reads matters). */
export const readsDates = (fields: readonly ImportField[], mapping: ImportMapping): boolean =>
  fields.some((field) => (field.type === 'date' || field.type === 'datetime') && field.key in mapping.columns);

/** Whether the kind's records have an owner (a field of type user), so the owner rule applies. */
export const hasOwnerField = (fields: readonly ImportField[]): boolean => fields.some((field) => field.type === 'user');

/** A column's name on screen: its header, or its position when the header cell is blank. */
export const columnTitle = (column: { index: number; header: string }) =>
  column.header.trim() === '' ? `#${column.index + 1}` : column.header;

/** One row of the preview: its position and its cells by column index. */
export interface PreviewRow {
  key: number;
  cells: Record<number, string>;
}

/** The first rows of the file as table rows, rebuilt from the columns' samples (row i = sample i). */
export function previewRows(columns: readonly ImportColumn[]): PreviewRow[] {
  const count = Math.max(0, ...columns.map((column) => column.samples.length));
  return Array.from({ length: count }, (_, row) => ({
    key: row,
    cells: Object.fromEntries(columns.map((column) => [column.index, column.samples[row] ?? ''])),
  }));
}

/**
 * Whether a column's field is the server's suggestion (from the header's Chinese or English name or
 * a synonym), not yet confirmed: shown with a "recognized" mark until the mapping is saved or changed.
 */
export function isSuggestion(options: {
  suggested: ImportMapping;
  isSaved: boolean;
  current: ImportMapping;
  columnIndex: number;
}): boolean {
  const { suggested, isSaved, current, columnIndex } = options;
  if (isSaved) return false;
  const field = fieldForColumn(current, columnIndex);
  return field !== null && field === fieldForColumn(suggested, columnIndex);
}

/**
 * File values of enumeration fields that the dry run refused (the value map lacked them), by field:
 * the samples show only the first rows, so a value first seen on row 500 comes back this way.
 */
export function refusedEnumValues(options: {
  errors: readonly ImportRowError[];
  fields: readonly ImportField[];
  mapping: ImportMapping;
}): Record<string, string[]> {
  const { errors, fields, mapping } = options;
  const found: Record<string, Set<string>> = {};
  for (const error of errors) {
    if (error.severity !== 'error') continue;
    const field = fields.find((candidate) => candidate.key === error.field);
    const column = field ? mapping.columns[field.key] : undefined;
    if (!field || field.type !== 'enum' || column === undefined) continue;
    const value = error.values[column]?.trim();
    if (value) (found[field.key] ??= new Set()).add(value);
  }
  return Object.fromEntries(Object.entries(found).map(([key, values]) => [key, [...values]]));
}
