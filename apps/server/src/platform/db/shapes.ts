import { getTableColumns, type Table } from 'drizzle-orm';

/**
 * Row and value shapes derived from the schema and the contract's field lists, so that a field is
 * named once in the schema and once in the contract rather than again in every select, row type,
 * mapper and insert along a request.
 */

type ColumnsOf<T extends Table> = T['_']['columns'];

/**
 * The table's columns for the given API field names, in the order of `fields`; names without a
 * column of the same name (joined or computed fields) are left out for the caller to add.
 */
export function pickColumns<T extends Table, const F extends string>(
  table: T,
  fields: readonly F[],
): Pick<ColumnsOf<T>, F & keyof ColumnsOf<T>> {
  const columns = getTableColumns(table) as Record<string, unknown>;
  return Object.fromEntries(fields.filter((field) => field in columns).map((field) => [field, columns[field]])) as Pick<
    ColumnsOf<T>,
    F & keyof ColumnsOf<T>
  >;
}

/** Insert values: every listed field, from the body, else its default, else null (for optional ones). */
export type InsertValues<B, F extends keyof B, D> = {
  -readonly [K in F]-?: object extends Pick<B, K> ? Exclude<B[K], undefined> | (K extends keyof D ? D[K] : null) : B[K];
};

/**
 * Values for an insert from a validated body: each writable field is named (null when left out,
 * or its default), so the stored row and its audit entry list every field in the contract's order.
 */
export function insertValues<B extends object, const F extends keyof B & string, D extends Partial<Record<F, unknown>>>(
  fields: readonly F[],
  body: B,
  defaults: D,
): InsertValues<B, F, D> {
  const fallback = defaults as Partial<Record<F, unknown>>;
  return Object.fromEntries(fields.map((field) => [field, body[field] ?? fallback[field] ?? null])) as InsertValues<
    B,
    F,
    D
  >;
}

/** Update values: only the writable fields the body gives (a field left out keeps its value). */
export function givenValues<B extends object, const F extends string>(
  fields: readonly F[],
  body: B,
): Partial<Pick<B, F & keyof B>> {
  const values = body as Partial<Record<string, unknown>>;
  const given = fields.filter((field) => values[field] !== undefined);
  return Object.fromEntries(given.map((field) => [field, values[field]])) as Partial<Pick<B, F & keyof B>>;
}
