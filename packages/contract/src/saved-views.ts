import { Type, type Static } from 'typebox';
import { Id, Nullable, Timestamp } from './common.js';
import { CustomerColumnChoice, CustomerListQuery } from './customers.js';

/** List screens that can save views. */
export const SAVED_VIEW_MODULES = ['customers'] as const;
export const SavedViewModule = Type.Enum(SAVED_VIEW_MODULES);
export type SavedViewModule = (typeof SAVED_VIEW_MODULES)[number];

/** What a customer view stores: the list's filters and sort, never a cursor or page size. */
export const CustomerViewQuery = Type.Omit(CustomerListQuery, ['cursor', 'limit'], { additionalProperties: false });
export type CustomerViewQuery = Static<typeof CustomerViewQuery>;

export const SavedView = Type.Object({
  id: Id,
  module: SavedViewModule,
  name: Type.String(),
  query: CustomerViewQuery,
  shared: Type.Boolean(),
  /** True for the caller's own views; shared views of others are read-only. */
  isOwn: Type.Boolean(),
  ownerName: Type.String(),
  createdAt: Timestamp,
});
export type SavedView = Static<typeof SavedView>;
export const SavedViewList = Type.Object({ items: Type.Array(SavedView) });
export type SavedViewList = Static<typeof SavedViewList>;

export const SavedViewListQuery = Type.Object({ module: SavedViewModule }, { additionalProperties: false });
export type SavedViewListQuery = Static<typeof SavedViewListQuery>;

export const CreateSavedViewBody = Type.Object(
  {
    module: SavedViewModule,
    name: Type.String({ minLength: 1, maxLength: 64 }),
    query: CustomerViewQuery,
    shared: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type CreateSavedViewBody = Static<typeof CreateSavedViewBody>;

/** The caller's own choice of customer list columns; `columns` is null until they choose (the default set shows). */
export const CustomerColumnPreference = Type.Object({ columns: Nullable(Type.Array(CustomerColumnChoice)) });
export type CustomerColumnPreference = Static<typeof CustomerColumnPreference>;

/** Columns to show, in the list's own order; null goes back to the default set. */
export const SetCustomerColumnPreferenceBody = Type.Object(
  { columns: Nullable(Type.Array(CustomerColumnChoice, { minItems: 1, maxItems: 60, uniqueItems: true })) },
  { additionalProperties: false },
);
export type SetCustomerColumnPreferenceBody = Static<typeof SetCustomerColumnPreferenceBody>;
