import { Type, type Static } from 'typebox';
import { Id, PageQuery } from './common.js';

/** Stale cleanup (domain §2): customers neither changed nor followed up for `days` days. */
export const StaleCustomerQuery = Type.Object(
  {
    ...PageQuery,
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, default: 180 })),
  },
  { additionalProperties: false },
);
export type StaleCustomerQuery = Static<typeof StaleCustomerQuery>;

/** A bulk action on chosen customers, with the reason recorded on each one. */
export const BulkCustomerActionBody = Type.Object(
  {
    customerIds: Type.Array(Id, { minItems: 1, maxItems: 200, uniqueItems: true }),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type BulkCustomerActionBody = Static<typeof BulkCustomerActionBody>;

const CustomerIds = Type.Array(Id, { minItems: 1, maxItems: 200, uniqueItems: true });

/** Return chosen customers to a pool (each to its own pool when `poolId` is left out), with a reason. */
export const BulkReturnToPoolBody = Type.Object(
  {
    customerIds: CustomerIds,
    reason: Type.String({ minLength: 1, maxLength: 500 }),
    poolId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type BulkReturnToPoolBody = Static<typeof BulkReturnToPoolBody>;

/** Give chosen customers to one user: `transfer` (owner or assigner) or `assign` (change owner, also pool customers). */
export const BulkOwnerBody = Type.Object(
  {
    customerIds: CustomerIds,
    userId: Id,
    /** Transfer only: the previous owner stays on each customer as a read-only team member. */
    keepAsTeamMember: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type BulkOwnerBody = Static<typeof BulkOwnerBody>;

/** Add tags to chosen customers; tags they already carry are kept once. */
export const BulkAddTagsBody = Type.Object(
  {
    customerIds: CustomerIds,
    tags: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { minItems: 1, maxItems: 10, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type BulkAddTagsBody = Static<typeof BulkAddTagsBody>;

/** Move chosen customers to the trash (soft delete). */
export const BulkDeleteBody = Type.Object({ customerIds: CustomerIds }, { additionalProperties: false });
export type BulkDeleteBody = Static<typeof BulkDeleteBody>;

/**
 * Per-record outcome of a bulk action (security A6): out-of-scope and unknown ids are `notFound`,
 * moves waiting for an approver are `pendingApproval`, refusals by a rule are `failed`.
 */
export const BulkCustomerResult = Type.Object({
  done: Type.Array(Id),
  notFound: Type.Array(Id),
  pendingApproval: Type.Array(Id),
  failed: Type.Array(Type.Object({ id: Id, code: Type.String(), message: Type.String() })),
});
export type BulkCustomerResult = Static<typeof BulkCustomerResult>;
