import { Type, type Static } from 'typebox';
import { Id, Nullable, VersionField } from './common.js';
import type { FieldAccess, FieldPermissions } from './vocabulary.js';

/** Records an administrator may add fields to (issue 14). */
export const CUSTOM_FIELD_ENTITIES = ['customer', 'contact', 'opportunity', 'order'] as const;
export const CustomFieldEntity = Type.Enum(CUSTOM_FIELD_ENTITIES);
export type CustomFieldEntity = (typeof CUSTOM_FIELD_ENTITIES)[number];

/** What a custom field holds: money in fen, a date as `YYYY-MM-DD`, a person as a user id. */
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'money', 'date', 'select', 'multiselect', 'person'] as const;
export const CustomFieldType = Type.Enum(CUSTOM_FIELD_TYPES);
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** A field's stable key: lower-case letters, digits and `_`, starting with a letter. */
export const CUSTOM_FIELD_KEY_PATTERN = '^[a-z][a-z0-9_]{0,39}$';
const OPTION_VALUE_PATTERN = '^[a-z0-9][a-z0-9_-]{0,39}$';

export const CustomFieldOption = Type.Object(
  {
    value: Type.String({ pattern: OPTION_VALUE_PATTERN }),
    label: Type.String({ minLength: 1, maxLength: 40 }),
    labelEn: Nullable(Type.String({ maxLength: 60 })),
    /** A deactivated option stays on the records that have it but is no longer offered. */
    active: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type CustomFieldOption = Static<typeof CustomFieldOption>;

export const CustomFieldDefinition = Type.Object({
  id: Id,
  entity: CustomFieldEntity,
  key: Type.String(),
  label: Type.String(),
  /** English label; screens fall back to `label`. */
  labelEn: Nullable(Type.String()),
  type: CustomFieldType,
  /** Choices of a select or multi-select, in their order on screen. */
  options: Type.Array(CustomFieldOption),
  required: Type.Boolean(),
  /** A list column shown by default (each user may still hide or show it). */
  showInList: Type.Boolean(),
  showOnDetail: Type.Boolean(),
  sortOrder: Type.Integer(),
  archived: Type.Boolean(),
  version: Type.Integer(),
});
export type CustomFieldDefinition = Static<typeof CustomFieldDefinition>;
export const CustomFieldList = Type.Object({ items: Type.Array(CustomFieldDefinition) });
export type CustomFieldList = Static<typeof CustomFieldList>;

export const CustomFieldListQuery = Type.Object(
  { entity: Type.Optional(CustomFieldEntity) },
  { additionalProperties: false },
);
export type CustomFieldListQuery = Static<typeof CustomFieldListQuery>;

const Label = Type.String({ minLength: 1, maxLength: 40 });
const LabelEn = Nullable(Type.String({ maxLength: 60 }));
const Options = Type.Array(CustomFieldOption, { maxItems: 100 });
const SortOrder = Type.Integer({ minimum: 0, maximum: 10000 });

export const CreateCustomFieldBody = Type.Object(
  {
    entity: CustomFieldEntity,
    /** Generated from the label when left out. */
    key: Type.Optional(Type.String({ pattern: CUSTOM_FIELD_KEY_PATTERN })),
    label: Label,
    labelEn: Type.Optional(LabelEn),
    type: CustomFieldType,
    options: Type.Optional(Options),
    required: Type.Optional(Type.Boolean()),
    showInList: Type.Optional(Type.Boolean()),
    showOnDetail: Type.Optional(Type.Boolean()),
    sortOrder: Type.Optional(SortOrder),
  },
  { additionalProperties: false },
);
export type CreateCustomFieldBody = Static<typeof CreateCustomFieldBody>;

/** Entity, key and type never change: records already hold values of that type under that key. */
export const UpdateCustomFieldBody = Type.Object(
  {
    label: Type.Optional(Label),
    labelEn: Type.Optional(LabelEn),
    options: Type.Optional(Options),
    required: Type.Optional(Type.Boolean()),
    showInList: Type.Optional(Type.Boolean()),
    showOnDetail: Type.Optional(Type.Boolean()),
    sortOrder: Type.Optional(SortOrder),
    archived: Type.Optional(Type.Boolean()),
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateCustomFieldBody = Static<typeof UpdateCustomFieldBody>;

/**
 * A record's custom values by field key. The server checks each against its definition (type,
 * option, person, required); `null` clears a value. An update changes only the keys it sends.
 */
export const CustomFieldValue = Type.Union([
  Type.String({ maxLength: 2000 }),
  Type.Number(),
  Type.Array(Type.String({ maxLength: 40 }), { maxItems: 100, uniqueItems: true }),
  Type.Null(),
]);
export type CustomFieldValue = Static<typeof CustomFieldValue>;
export const CustomFieldValues = Type.Record(Type.String({ pattern: CUSTOM_FIELD_KEY_PATTERN }), CustomFieldValue, {
  maxProperties: 100,
});
export type CustomFieldValues = Static<typeof CustomFieldValues>;

/**
 * A list filter on custom fields, `key:value` (`?cf=grade:a&cf=note:tea`): select, person, number,
 * money (fen) and date match exactly, a multi-select holds the option, text contains the value.
 */
export const CustomFieldFilter = Type.Array(Type.String({ minLength: 3, maxLength: 140 }), { maxItems: 10 });

/** The field permission key of a custom field (`custom.customer.grade`), next to `customers.phone`. */
export const customFieldPermissionKey = (entity: CustomFieldEntity, key: string) => `custom.${entity}.${key}` as const;

/** How a role with these field permissions may treat a custom field (unmentioned: editable). */
export const customFieldAccess = (permissions: FieldPermissions, entity: CustomFieldEntity, key: string): FieldAccess =>
  permissions[customFieldPermissionKey(entity, key)] ?? 'edit';

/** A definition's label in a language (English falls back to the Chinese label). */
export const customFieldLabel = (field: Pick<CustomFieldDefinition, 'label' | 'labelEn'>, locale: string) =>
  locale === 'en' ? field.labelEn || field.label : field.label;
