import { Type, type Static } from 'typebox';
import { Id, Nullable } from './common.js';
import { LeadHit } from './leads.js';
import { CustomerKind, Stage } from './vocabulary.js';

/** The quick search box (design §3): one query, results grouped by record type. */
export const QuickSearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 64 }),
    /** Results per group. */
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  { additionalProperties: false },
);
export type QuickSearchQuery = Static<typeof QuickSearchQuery>;

export const CustomerHit = Type.Object({
  id: Id,
  customerNo: Type.String(),
  kind: CustomerKind,
  name: Type.String(),
  stage: Stage,
  phone: Type.Optional(Nullable(Type.String())),
  ownerId: Nullable(Id),
  ownerName: Nullable(Type.String()),
});
export type CustomerHit = Static<typeof CustomerHit>;

export const ContactHit = Type.Object({
  id: Id,
  name: Type.String(),
  title: Nullable(Type.String()),
  mobile: Type.Optional(Nullable(Type.String())),
  customerId: Id,
  customerName: Type.String(),
});
export type ContactHit = Static<typeof ContactHit>;

/** Groups the caller has no permission for are absent. */
export const QuickSearchResult = Type.Object({
  customers: Type.Optional(Type.Array(CustomerHit)),
  contacts: Type.Optional(Type.Array(ContactHit)),
  leads: Type.Optional(Type.Array(LeadHit)),
});
export type QuickSearchResult = Static<typeof QuickSearchResult>;
