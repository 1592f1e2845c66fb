import type { ImportMapping } from '@guanxi/contract';
import { translate, type MessageKey } from '../../platform/i18n/index.js';
import { convertCell, normalizeKey } from './cell-values.js';
import type { ImportFieldSpec, ImportKind, ImportRow, ImportRowIssue, ImportValue } from './import-kind.js';
import type { FileRow } from './file-reading.js';

/** An active user as an owner column may name them. */
export interface DirectoryUser {
  id: string;
  username: string;
  displayName: string;
}

/** Users by username (case-insensitive) and by display name (which may be shared). */
export class UserDirectory {
  private readonly byUsername = new Map<string, string>();
  private readonly byName = new Map<string, string[]>();
  constructor(users: readonly DirectoryUser[]) {
    for (const user of users) {
      this.byUsername.set(user.username.toLowerCase(), user.id);
      const key = normalizeKey(user.displayName);
      this.byName.set(key, [...(this.byName.get(key) ?? []), user.id]);
    }
  }
  resolve(text: string): { id: string } | { issue: 'imports.rowError.unknownUser' | 'imports.rowError.ambiguousUser' } {
    const byUsername = this.byUsername.get(text.trim().toLowerCase());
    if (byUsername) return { id: byUsername };
    const named = this.byName.get(normalizeKey(text)) ?? [];
    if (named.length === 1) return { id: named[0]! };
    return { issue: named.length === 0 ? 'imports.rowError.unknownUser' : 'imports.rowError.ambiguousUser' };
  }
}

/** Option labels of a kind's enumerations in both languages, for matching file values. */
function optionLabelsOf(field: ImportFieldSpec): Map<string, string[]> {
  const labels = new Map<string, string[]>();
  for (const option of field.options ?? []) {
    const names: string[] = option.names ? [option.names.en, option.names.zh] : [];
    for (const locale of option.names ? [] : (['en', 'zh-CN'] as const)) {
      try {
        names.push(translate(locale, option.labelKey as MessageKey));
      } catch {
        // A label not in a catalog simply does not match.
      }
    }
    labels.set(option.value, names);
  }
  return labels;
}

export interface RowPreparation {
  kind: ImportKind;
  mapping: ImportMapping;
  users: UserDirectory;
  timeZone: string;
}

export type PreparedRow =
  | { ok: true; row: ImportRow; cells: string[] }
  | {
      ok: false;
      rowNumber: number;
      issues: ImportRowIssue[];
      cells: string[];
      /** The group the row belongs to by what did convert (an order's other lines are refused with it). */
      group?: string | null;
    };

/**
 * Turns file rows into kind rows: mapped cells (or constants) converted by field type, required
 * fields checked, users resolved, and the owner chosen by the mapping's rule. `dataIndex` is the
 * row's 0-based position among the data rows (round-robin counts it, so a resumed run deals the
 * same owners as an uninterrupted one).
 */
export function createRowPreparer(preparation: RowPreparation) {
  const { kind, mapping, users, timeZone } = preparation;
  const optionLabels = new Map(kind.fields.map((field) => [field.key, optionLabelsOf(field)]));
  const ownerField = kind.fields.find((field) => field.key === 'ownerId' && field.type === 'user');
  return (fileRow: FileRow, dataIndex: number): PreparedRow => {
    const values: Record<string, ImportValue> = {};
    const issues: ImportRowIssue[] = [];
    for (const field of kind.fields) {
      const column = mapping.columns[field.key];
      let cell = column === undefined ? '' : (fileRow.cells[column] ?? '').trim();
      if (cell === '' && mapping.constants[field.key] !== undefined) cell = mapping.constants[field.key]!.trim();
      if (cell === '') {
        if (field.required && !(field === ownerField && mapping.owner.mode !== 'column'))
          issues.push({ field: field.key, code: 'imports.rowError.required' });
        continue;
      }
      const converted = convertCell(cell, field, {
        dateOrder: mapping.dateOrder,
        valueMap: mapping.valueMaps[field.key],
        optionLabels: optionLabels.get(field.key),
        timeZone,
      });
      if ('issue' in converted) {
        issues.push(converted.issue);
        continue;
      }
      if (field.type === 'user') {
        const user = users.resolve(String(converted.value));
        if ('issue' in user) {
          issues.push({ field: field.key, code: user.issue, params: { value: cell } });
          continue;
        }
        values[field.key] = user.id;
        continue;
      }
      values[field.key] = converted.value;
    }
    if (issues.length > 0) {
      const group = kind.groupKey?.({ rowNumber: fileRow.rowNumber, values, ownerId: null }) ?? null;
      return { ok: false, rowNumber: fileRow.rowNumber, issues, cells: fileRow.cells, group };
    }
    return {
      ok: true,
      row: { rowNumber: fileRow.rowNumber, values, ownerId: ownerOf(values, dataIndex) },
      cells: fileRow.cells,
    };
  };

  function ownerOf(values: Record<string, ImportValue>, dataIndex: number): string | null {
    const owner = mapping.owner;
    if (owner.mode === 'fixed') return owner.userId;
    if (owner.mode === 'round_robin') return owner.userIds[dataIndex % owner.userIds.length]!;
    const fromColumn = ownerField ? values[ownerField.key] : undefined;
    return typeof fromColumn === 'string' ? fromColumn : null;
  }
}
