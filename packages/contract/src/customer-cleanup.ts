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
