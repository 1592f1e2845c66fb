import { Type, type Static } from 'typebox';
import { Id, Nullable, PageQuery, Timestamp, VersionField, optionalProperties, pageOf } from './common.js';
import { MobileText } from './phone.js';
import { DuplicateMatch } from './duplicates.js';
import { Gender } from './vocabulary.js';
import { CustomFieldValues } from './custom-fields.js';

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
  /** Values of the organization's contact custom fields by key; fields hidden from the reader are left out. */
  customFields: CustomFieldValues,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Nullable(Timestamp),
  version: Type.Integer(),
});
export type Contact = Static<typeof Contact>;
/** The fields of a contact as the API answers them, in order. */
export const CONTACT_FIELDS = Object.keys(Contact.properties) as (keyof Contact)[];
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
const editable = {
  /** Moving a contact needs edit rights on both customers (security A5). */
  customerId: Id,
  name: Type.String({ minLength: 1, maxLength: 50 }),
  gender: Nullable(Gender),
  title: Nullable(Text(50)),
  department: Nullable(Text(50)),
  mobile: Nullable(MobileText),
  email: Nullable(Type.String({ format: 'email', maxLength: 254 })),
  wechat: Nullable(Type.String({ minLength: 1, maxLength: 50 })),
  /** Making a contact primary clears the customer's previous primary contact. */
  isPrimary: Type.Boolean(),
  isDecisionMaker: Type.Boolean(),
  remarks: Nullable(Text(2000)),
};
/** The fields a create or edit may write, in the order they are stored; the server builds its values from it. */
export const CONTACT_WRITABLE_FIELDS = Object.keys(editable) as ContactWritableField[];
export type ContactWritableField = keyof typeof editable;

const { customerId: _customerId, name: _name, ...optionalByDefault } = editable;

export const CreateContactBody = Type.Object(
  {
    customerId: editable.customerId,
    name: editable.name,
    ...optionalProperties(optionalByDefault),
    customFields: Type.Optional(CustomFieldValues),
  },
  { additionalProperties: false },
);
export type CreateContactBody = Static<typeof CreateContactBody>;

export const UpdateContactBody = Type.Object(
  {
    ...optionalProperties(editable),
    /** Only the keys sent change; `null` clears one. */
    customFields: Type.Optional(CustomFieldValues),
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateContactBody = Static<typeof UpdateContactBody>;
