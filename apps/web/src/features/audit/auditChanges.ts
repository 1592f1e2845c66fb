import type { AuditEntry } from '@guanxi/contract';

/**
 * One labelled row of an entry: a change (`before` → `after`) when both snapshots carry the field,
 * otherwise the value the record got (creation) or had (deletion).
 */
export interface ChangeRow {
  field: string;
  kind: 'change' | 'value';
  before?: unknown;
  after?: unknown;
}

/** Bookkeeping columns a person did not change and would not recognise. */
const BOOKKEEPING = new Set([
  'id',
  'orgId',
  'version',
  'createdAt',
  'updatedAt',
  'createdBy',
  'regionCode',
  'searchTokens',
  'nameNormalized',
  'nameBigrams',
  // phone/mobile digits: what snapshots written before issue 12's E.164 columns carry.
  'phoneDigits',
  'mobileDigits',
  'phoneE164',
  'phoneExt',
  'mobileE164',
  'emailNormalized',
  'companyNormalized',
  'storageKey',
]);

/** Fields people look for first; jsonb stores keys by length, which reads as no order at all. */
const FIRST = [
  'name',
  'displayName',
  'username',
  'customerNo',
  'orderNo',
  'title',
  'kind',
  'status',
  'stage',
  'ownerId',
  'customerId',
  'amountFen',
  'totalFen',
];
const rank = (field: string) => {
  const index = FIRST.indexOf(field);
  return index === -1 ? FIRST.length : index;
};
const inReadingOrder = (rows: ChangeRow[]) => rows.sort((a, b) => rank(a.field) - rank(b.field));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Null, missing, '' and [] all mean "no value"; a change between them is no change. */
export const isEmptyValue = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

const sameValue = (a: unknown, b: unknown) =>
  (isEmptyValue(a) && isEmptyValue(b)) || JSON.stringify(a) === JSON.stringify(b);

/**
 * The rows worth showing for an entry. An update lists the fields whose value changed (snapshots
 * may hold the whole record before and only the changes after); a creation lists what was set;
 * a deletion what the record held. Snapshots that are lists (stage settings …) compare as a whole.
 */
export function changeRowsOf(entry: Pick<AuditEntry, 'before' | 'after'>): ChangeRow[] {
  const { before, after } = entry;
  if (isRecord(before) && isRecord(after)) {
    return inReadingOrder(
      Object.keys(after)
        .filter((field) => !BOOKKEEPING.has(field) && !sameValue(before[field], after[field]))
        .map((field) =>
          field in before
            ? { field, kind: 'change', before: before[field], after: after[field] }
            : { field, kind: 'value', after: after[field] },
        ),
    );
  }
  const only = isRecord(after) ? after : isRecord(before) ? before : null;
  if (only) {
    return inReadingOrder(
      Object.entries(only)
        .filter(([field, value]) => !BOOKKEEPING.has(field) && !isEmptyValue(value))
        .map(([field, value]) => ({ field, kind: 'value', after: value })),
    );
  }
  if (Array.isArray(before) || Array.isArray(after)) {
    return sameValue(before, after)
      ? []
      : [{ field: 'items', kind: 'change', before: before ?? [], after: after ?? [] }];
  }
  return [];
}

const isPlainList = (value: unknown): value is (string | number | boolean | null)[] =>
  Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object');

/**
 * For a list of plain values that changed (permissions, tags, roles): what was added and removed,
 * which reads far better than two long lists. Null when the values are not such lists.
 */
export function listDifference(before: unknown, after: unknown): { added: unknown[]; removed: unknown[] } | null {
  const old = before ?? [];
  const next = after ?? [];
  if (!isPlainList(old) || !isPlainList(next)) return null;
  return { added: next.filter((item) => !old.includes(item)), removed: old.filter((item) => !next.includes(item)) };
}
