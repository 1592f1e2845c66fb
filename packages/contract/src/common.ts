import { Type, type Static, type TSchema } from 'typebox';

/** UUIDv7 identifiers for every record. */
export const Id = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

export const Locale = Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]);
export type Locale = Static<typeof Locale>;
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export const Timestamp = Type.String({ format: 'date-time' });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** The one error shape of every 4xx/5xx answer (design §5). */
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    requestId: Type.Optional(Type.String()),
    fields: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
    ),
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

export const VersionField = Type.Integer({ minimum: 1 });

/** Who belongs to a pool (customer pool or lead pool), as sent when creating or editing one. */
const MembershipIds = Type.Array(Id, { maxItems: 500, uniqueItems: true });
export const poolMembershipInput = {
  adminUserIds: Type.Optional(MembershipIds),
  memberUserIds: Type.Optional(MembershipIds),
  memberDepartmentIds: Type.Optional(MembershipIds),
};
