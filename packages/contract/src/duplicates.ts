import { Type, type Static } from 'typebox';
import { ErrorBody, Id, Nullable } from './common.js';

/**
 * Duplicate check (domain §4). Exact phone / email / credit-code matches block a create or edit
 * with 409 `duplicate`; similar names never block: the write succeeds and its answer lists them
 * in `duplicateWarnings`. The web form calls `GET /duplicates` while the user types, so the
 * warning is seen before saving (a confirm-flag round trip would also burden imports and
 * integrations, which cannot answer a dialog).
 */
export const DUPLICATE_ENTITIES = ['customer', 'contact', 'lead'] as const;
export const DuplicateEntity = Type.Enum(DUPLICATE_ENTITIES);
export type DuplicateEntity = (typeof DUPLICATE_ENTITIES)[number];

export const DUPLICATE_KEYS = ['phone', 'email', 'creditCode', 'name'] as const;
export const DuplicateKey = Type.Enum(DUPLICATE_KEYS);
export type DuplicateKey = (typeof DUPLICATE_KEYS)[number];

/**
 * One matching record. `accessible` says whether the caller may open it; when false only who
 * holds it is revealed (id, name, owner), never its protected fields.
 */
export const DuplicateMatch = Type.Object({
  entity: DuplicateEntity,
  id: Id,
  name: Type.String(),
  /** The customer a contact belongs to. */
  customerId: Type.Optional(Id),
  customerName: Type.Optional(Type.String()),
  ownerId: Nullable(Id),
  ownerName: Nullable(Type.String()),
  /** Unowned: the customer sits in a pool. */
  inPool: Type.Boolean(),
  accessible: Type.Boolean(),
  matchedOn: Type.Array(DuplicateKey),
  /** Name similarity (bigram Dice coefficient, 0–1) for `name` matches. */
  similarity: Type.Optional(Type.Number()),
  phone: Type.Optional(Nullable(Type.String())),
  email: Type.Optional(Nullable(Type.String())),
  creditCode: Type.Optional(Nullable(Type.String())),
});
export type DuplicateMatch = Static<typeof DuplicateMatch>;

export const DuplicateQuery = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    phone: Type.Optional(Type.String({ minLength: 3, maxLength: 30 })),
    email: Type.Optional(Type.String({ minLength: 3, maxLength: 254 })),
    creditCode: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
    /** The record being edited, left out of the answer. */
    excludeId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type DuplicateQuery = Static<typeof DuplicateQuery>;

export const DuplicateResult = Type.Object({ matches: Type.Array(DuplicateMatch) });
export type DuplicateResult = Static<typeof DuplicateResult>;

/** The 409 `duplicate` answer: the usual error plus the records that block the write. */
export const DuplicateErrorBody = Type.Object({
  error: Type.Object({
    ...ErrorBody.properties.error.properties,
    duplicates: Type.Optional(Type.Array(DuplicateMatch)),
  }),
});
export type DuplicateErrorBody = Static<typeof DuplicateErrorBody>;
