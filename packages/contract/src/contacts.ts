import { Type, type Static } from 'typebox';
import { Id, Nullable, PageQuery, Timestamp, VersionField, pageOf } from './common.js';
import { MOBILE_PATTERN } from './customers.js';
import { DuplicateMatch } from './duplicates.js';
import { Gender } from './vocabulary.js';

/**
 * A person at a customer (domain §1). A customer with contacts has exactly one primary contact.
 * Contacts follow their customer's data scope; mobile and WeChat follow the `customers.phone`
 * field permission, email `customers.email`, remarks `customers.remarks`.
 */
export const Contact = Type.Object({
  id: Id,
  customerId: Id,
  customerName: Type.String(),
  name: Type.String(),
  gender: Nullable(Gender),
  title: Nullable(Type.String()),
  department: Nullable(Type.String()),
  mobile: Type.Optional(Nullable(Type.String())),
  email: Type.Optional(Nullable(Type.String())),
  wechat: Type.Optional(Nullable(Type.String())),
  isPrimary: Type.Boolean(),
  isDecisionMaker: Type.Boolean(),
  remarks: Type.Optional(Nullable(Type.String())),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Nullable(Timestamp),
  version: Type.Integer(),
});
export type Contact = Static<typeof Contact>;
export const ContactPage = pageOf(Contact);
export type ContactPage = Static<typeof ContactPage>;

export const ContactWriteResult = Type.Object({ ...Contact.properties, duplicateWarnings: Type.Array(DuplicateMatch) });
export type ContactWriteResult = Static<typeof ContactWriteResult>;

export const ContactListQuery = Type.Object(
  {
    ...PageQuery,
    customerId: Type.Optional(Id),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    isDecisionMaker: Type.Optional(Type.Boolean()),
    /** The trash: soft-deleted contacts instead of live ones. */
    deleted: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ContactListQuery = Static<typeof ContactListQuery>;

const Text = (max: number) => Type.String({ maxLength: max });
const optionalEditable = {
  gender: Type.Optional(Nullable(Gender)),
  title: Type.Optional(Nullable(Text(50))),
  department: Type.Optional(Nullable(Text(50))),
  mobile: Type.Optional(Nullable(Type.String({ pattern: MOBILE_PATTERN }))),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  wechat: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50 }))),
  /** Making a contact primary clears the customer's previous primary contact. */
  isPrimary: Type.Optional(Type.Boolean()),
  isDecisionMaker: Type.Optional(Type.Boolean()),
  remarks: Type.Optional(Nullable(Text(2000))),
};

export const CreateContactBody = Type.Object(
  { customerId: Id, name: Type.String({ minLength: 1, maxLength: 50 }), ...optionalEditable },
  { additionalProperties: false },
);
export type CreateContactBody = Static<typeof CreateContactBody>;

export const UpdateContactBody = Type.Object(
  {
    /** Moving a contact needs edit rights on both customers (security A5). */
    customerId: Type.Optional(Id),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    ...optionalEditable,
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateContactBody = Static<typeof UpdateContactBody>;
