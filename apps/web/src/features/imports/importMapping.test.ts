import type { ImportColumn, ImportField, ImportMapping } from '@guanxi/contract';
import { describe, expect, it } from 'vitest';
import {
  assignColumn,
  distinctColumnValues,
  fieldForColumn,
  isSuggestion,
  missingRequired,
  previewRows,
  refusedEnumValues,
  readsDates,
  valueMapRows,
  withMatchedValues,
} from './importMapping';

const field = (key: string, extra: Partial<ImportField> = {}): ImportField => ({
  key,
  label: key,
  type: 'text',
  required: false,
  hint: null,
  options: [],
  ...extra,
});

const source: ImportField = field('source', {
  type: 'enum',
  options: [
    { value: 'website', label: '官网' },
    { value: 'exhibition', label: '展会' },
  ],
});
const fields = [field('name', { required: true }), field('createdOn', { type: 'date' }), source];

const mapping = (extra: Partial<ImportMapping> = {}): ImportMapping => ({
  columns: {},
  constants: {},
  valueMaps: {},
  dateOrder: 'ymd',
  duplicatePolicy: 'skip',
  owner: { mode: 'column' },
  ...extra,
});

const column = (index: number, header: string, samples: string[]): ImportColumn => ({
  index,
  header,
  samples,
  values: samples,
});

describe('mapping columns to fields', () => {
  it('reads which field a column fills, and none for an ignored column', () => {
    const current = mapping({ columns: { name: 0, source: 2 } });
    expect(fieldForColumn(current, 2)).toBe('source');
    expect(fieldForColumn(current, 1)).toBeNull();
  });

  it('moves a field to the column it is chosen for, leaving its old column ignored', () => {
    const moved = assignColumn(mapping({ columns: { name: 0 } }), 1, 'name');
    expect(moved.columns).toEqual({ name: 1 });
  });

  it('replaces the field a column filled and forgets the value map of a field no longer read', () => {
    const current = mapping({ columns: { source: 2 }, valueMaps: { source: { 官网: 'website' } } });
    const changed = assignColumn(current, 2, 'name');
    expect(changed.columns).toEqual({ name: 2 });
    expect(changed.valueMaps).toEqual({});
    expect(assignColumn(current, 2, null).columns).toEqual({});
  });

  it('names the required fields nothing fills', () => {
    expect(missingRequired(fields, mapping()).map((missing) => missing.key)).toEqual(['name']);
    expect(missingRequired(fields, mapping({ columns: { name: 0 } }))).toEqual([]);
    expect(missingRequired(fields, mapping({ constants: { name: '张三' } }))).toEqual([]);
  });

  it('asks how dates read only when a date column is mapped', () => {
    expect(readsDates(fields, mapping({ columns: { name: 0 } }))).toBe(false);
    expect(readsDates(fields, mapping({ columns: { createdOn: 1 } }))).toBe(true);
  });
});

describe('value maps for enumerations', () => {
  const sourceColumn = column(2, '来源', ['官网', ' 展会 ', '', '朋友介绍', '官网']);

  it('lists each value seen in the file once, trimmed, without blanks', () => {
    expect(distinctColumnValues(sourceColumn)).toEqual(['官网', '展会', '朋友介绍']);
  });

  it('preselects the option a value plainly names and keeps the user’s choice for the rest', () => {
    const current = mapping({ columns: { source: 2 }, valueMaps: { source: { 朋友介绍: 'exhibition' } } });
    expect(valueMapRows({ field: source, column: sourceColumn, mapping: current })).toEqual([
      { fileValue: '官网', option: 'website' },
      { fileValue: '展会', option: 'exhibition' },
      { fileValue: '朋友介绍', option: 'exhibition' },
    ]);
  });

  it('sends the preselected values with the mapping, leaving unmatched ones out', () => {
    const current = mapping({ columns: { source: 2 } });
    const sent = withMatchedValues({ fields, columns: [sourceColumn], mapping: current });
    expect(sent.valueMaps).toEqual({ source: { 官网: 'website', 展会: 'exhibition' } });
  });
});

describe('values found by the dry run', () => {
  const error = (field: string | null, values: string[]) => ({
    rowNumber: 9,
    severity: 'error' as const,
    field,
    code: 'imports.rowError.invalid',
    message: '…',
    values,
  });

  it('brings the refused values of enumeration columns back to the value map, once each', () => {
    const current = mapping({ columns: { name: 0, source: 2 } });
    const refused = refusedEnumValues({
      errors: [
        error('source', ['甲', '', '朋友介绍']),
        error('source', ['乙', '', '朋友介绍']),
        error('name', ['', '', '展会']),
        error(null, ['丙', '', '老客户']),
      ],
      fields,
      mapping: current,
    });
    expect(refused).toEqual({ source: ['朋友介绍'] });
    const rows = valueMapRows({
      field: source,
      column: column(2, '来源', ['展会']),
      mapping: current,
      extra: refused.source,
    });
    expect(rows).toEqual([
      { fileValue: '展会', option: 'exhibition' },
      { fileValue: '朋友介绍', option: undefined },
    ]);
  });
});

describe('preview of the first rows', () => {
  it('rebuilds rows from the columns’ samples, blank where a column has fewer', () => {
    const rows = previewRows([column(0, '名称', ['甲', '乙']), column(1, '电话', ['138'])]);
    expect(rows).toEqual([
      { key: 0, cells: { 0: '甲', 1: '138' } },
      { key: 1, cells: { 0: '乙', 1: '' } },
    ]);
    expect(previewRows([])).toEqual([]);
  });
});

describe('suggested mappings', () => {
  const suggested = mapping({ columns: { name: 0, source: 2 } });

  it('marks the columns the server recognized until the user changes them', () => {
    const current = assignColumn(suggested, 2, null);
    expect(isSuggestion({ suggested, isSaved: false, current, columnIndex: 0 })).toBe(true);
    expect(isSuggestion({ suggested, isSaved: false, current, columnIndex: 2 })).toBe(false);
    expect(
      isSuggestion({ suggested, isSaved: false, current: assignColumn(suggested, 1, 'name'), columnIndex: 1 }),
    ).toBe(false);
  });

  it('marks nothing once the mapping is saved', () => {
    expect(isSuggestion({ suggested, isSaved: true, current: suggested, columnIndex: 0 })).toBe(false);
  });
});
