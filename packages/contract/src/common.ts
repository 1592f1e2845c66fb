import { Type, type Static, type TOptional, type TSchema } from 'typebox';

/** UUIDv7 identifiers for every record. */
export const Id = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

export const Locale = Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]);
export type Locale = Static<typeof Locale>;
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/**
 * Dates and instants the API accepts: years 1900–2999, whole-second precision or finer, an offset
 * within ±14:00 and no leap second. PostgreSQL has no year 0 and refuses offsets beyond ±15:59; a
 * year near 9999 overflows into five digits after date arithmetic (JavaScript then writes
 * "+010000-…", which PostgreSQL refuses); a leap second is an invalid JavaScript Date. A CRM has no
 * business outside this range, and every route that takes a date is bounded by these two schemas.
 */
const YEAR = '(19[0-9]{2}|2[0-9]{3})';
export const DATE_PATTERN = `^${YEAR}-[0-9]{2}-[0-9]{2}$`;
export const DATE_TIME_PATTERN = `^${YEAR}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])$`;
/** A calendar month `YYYY-MM` in the same range. */
export const MONTH_PATTERN = `^${YEAR}-(0[1-9]|1[0-2])$`;
/** A calendar day `YYYY-MM-DD` (a real day: the format rejects 2024-02-30). */
export const DateOnly = Type.String({ format: 'date', pattern: DATE_PATTERN });
/** An instant in ISO 8601 with an offset, e.g. `2025-03-14T09:30:00.000Z`. */
export const Timestamp = Type.String({ format: 'date-time', pattern: DATE_TIME_PATTERN });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** The same properties, each optional: a body's optional fields derived from its writable ones. */
export const optionalProperties = <T extends Record<string, TSchema>>(properties: T) =>
  Object.fromEntries(Object.entries(properties).map(([key, schema]) => [key, Type.Optional(schema)])) as {
    [K in keyof T]: TOptional<T[K]>;
  };

/** The one error shape of every 4xx/5xx answer (design §5). */
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    requestId: Type.Optional(Type.String()),
    fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;

/** Keyset-paginated list parameters shared by every list endpoint. */
export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
};

export const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Nullable(Type.String()),
    total: Type.Optional(Type.Integer()),
    totalIsEstimate: Type.Optional(Type.Boolean()),
  });

/** Versions are PostgreSQL `integer` columns: a larger number would fail in the database, not as a 400. */
export const MAX_VERSION = 2_147_483_647;
export const VersionField = Type.Integer({ minimum: 1, maximum: MAX_VERSION });
/** The version read of a settings row that may not exist yet (0). */
export const VersionOrZero = Type.Integer({ minimum: 0, maximum: MAX_VERSION });

/** Who belongs to a pool (customer pool or lead pool), as sent when creating or editing one. */
const MembershipIds = Type.Array(Id, { maxItems: 500, uniqueItems: true });
export const poolMembershipInput = {
  adminUserIds: Type.Optional(MembershipIds),
  memberUserIds: Type.Optional(MembershipIds),
  memberDepartmentIds: Type.Optional(MembershipIds),
};
