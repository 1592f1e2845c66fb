import type { DuplicatePolicy } from '@guanxi/contract';
import type { ImportRowIssue } from './import-kind.js';

/**
 * How a row finds its record, for kinds that match like customers, contacts and leads: by external
 * id first, then by exact keys (phone, email, credit code — a clash the API would refuse), then by
 * name. Records come from the database (`addStored`) and from rows earlier in the file (`remember`,
 * kept in the phase's file memory so later batches see them too).
 */
export type MatchKey =
  | { kind: 'externalId'; value: string }
  | { kind: 'exact'; field: string; value: string }
  | { kind: 'name'; value: string };

export type MatchDecision =
  | { action: 'create' }
  | { action: 'update'; id: string }
  | { action: 'duplicate'; id: string }
  | { action: 'error'; issue: ImportRowIssue };

export class KeyIndex {
  private readonly external = new Map<string, { id: string; deleted: boolean }>();
  private readonly keys = new Map<string, Set<string>>();
  private readonly names = new Map<string, string>();

  constructor(
    private readonly prefix: string,
    private readonly memory: Map<string, string>,
  ) {}

  addStored(id: string, externalId: string | null, keys: readonly string[], deleted: boolean, name: string): void {
    if (externalId) this.external.set(externalId, { id, deleted });
    for (const key of keys) this.keys.set(key, (this.keys.get(key) ?? new Set()).add(id));
    this.names.set(id, name);
  }

  /** A row's keys now lead to this record, for the rest of the file. */
  remember(id: string, keys: readonly MatchKey[], rowNumber: number, name: string): void {
    for (const key of keys) {
      this.memory.set(
        key.kind === 'externalId' ? `${this.prefix}:ext:${key.value}` : `${this.prefix}:${key.value}`,
        id,
      );
    }
    if (!this.memory.has(`${this.prefix}:row:${id}`)) this.memory.set(`${this.prefix}:row:${id}`, String(rowNumber));
    this.names.set(id, name);
  }

  byExternalId(externalId: string): { id: string; deleted: boolean } | undefined {
    const remembered = this.memory.get(`${this.prefix}:ext:${externalId}`);
    return this.external.get(externalId) ?? (remembered ? { id: remembered, deleted: false } : undefined);
  }

  idsOf(key: string): Set<string> {
    const ids = new Set(this.keys.get(key));
    const remembered = this.memory.get(`${this.prefix}:${key}`);
    if (remembered) ids.add(remembered);
    return ids;
  }

  /** The issue for a key that belongs to another record: from earlier in the file or already stored. */
  issueFor(field: string, otherId: string): ImportRowIssue {
    const row = this.memory.get(`${this.prefix}:row:${otherId}`);
    if (row) return { field, code: 'imports.rowError.duplicateInFile', params: { row } };
    return {
      field,
      code: `imports.${this.prefix}s.error.duplicateKey`,
      params: { value: this.names.get(otherId) ?? '' },
    };
  }

  /** An exact key of an updated record that another record already holds. */
  clashOf(id: string, keys: readonly MatchKey[]): ImportRowIssue | null {
    for (const key of keys) {
      if (key.kind !== 'exact') continue;
      const other = [...this.idsOf(key.value)].find((candidate) => candidate !== id);
      if (other) return this.issueFor(key.field, other);
    }
    return null;
  }
}

const keyText = (key: string) => key.slice(key.indexOf(':') + 1);

/** What happens to a row under the duplicate policy, given the records its keys lead to. */
export function decideMatch(index: KeyIndex, keys: readonly MatchKey[], policy: DuplicatePolicy): MatchDecision {
  const external = keys.find((key) => key.kind === 'externalId');
  const byExternal = external ? index.byExternalId(external.value) : undefined;
  if (byExternal) {
    if (byExternal.deleted)
      return { action: 'error', issue: { field: 'externalId', code: 'imports.rowError.deletedRecord' } };
    // An external id names one record: "create anyway" never makes a second one.
    return policy === 'update' ? { action: 'update', id: byExternal.id } : { action: 'duplicate', id: byExternal.id };
  }
  const exact = keys.filter((key): key is Extract<MatchKey, { kind: 'exact' }> => key.kind === 'exact');
  const exactIds = new Set(exact.flatMap((key) => [...index.idsOf(key.value)]));
  if (exactIds.size > 1) {
    return {
      action: 'error',
      issue: {
        field: exact[0]!.field,
        code: 'imports.rowError.ambiguous',
        params: { value: keyText(exact[0]!.value) },
      },
    };
  }
  if (exactIds.size === 1) {
    const id = [...exactIds][0]!;
    if (policy === 'skip') return { action: 'duplicate', id };
    if (policy === 'update') return { action: 'update', id };
    // The API refuses a second record with the same phone, email or credit code; so does the import.
    const field = exact.find((key) => index.idsOf(key.value).has(id))!.field;
    return { action: 'error', issue: index.issueFor(field, id) };
  }
  const name = keys.find((key) => key.kind === 'name');
  const nameIds = name ? [...index.idsOf(name.value)] : [];
  if (nameIds.length === 0 || policy === 'create') return { action: 'create' };
  if (policy === 'skip') return { action: 'duplicate', id: nameIds[0]! };
  if (nameIds.length > 1)
    return {
      action: 'error',
      issue: { field: 'name', code: 'imports.rowError.ambiguous', params: { value: keyText(name!.value) } },
    };
  return { action: 'update', id: nameIds[0]! };
}
