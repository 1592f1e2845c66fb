import {
  CUSTOMER_WRITABLE_FIELDS,
  customerFieldFitsKind,
  customerFieldAccess,
  type CreateCustomerBody,
  type Customer,
  type CustomerKind,
  type CustomerWritableField,
  type FieldAccess,
  type FieldPermissions,
  type UpdateCustomerBody,
} from '@guanxi/contract';

/**
 * What the customer form holds: the fields of a create body (the owner is assigned elsewhere);
 * empty inputs are '' or undefined until sent.
 */
export type CustomerFormValues = Omit<CreateCustomerBody, 'ownerId'>;
/** A built-in field of the form; the stage is chosen at creation only (custom fields have their own section). */
export type EditableField = Exclude<keyof CustomerFormValues, 'stage' | 'customFields'>;

/** Fields sent as the form holds them (text trimmed); kind, name and tags have rules of their own. */
type OptionalField = Exclude<CustomerWritableField, 'kind' | 'name' | 'stage' | 'tags'>;
const OWN_RULES: readonly CustomerWritableField[] = ['kind', 'name', 'stage', 'tags'];
const OPTIONAL_FIELDS = CUSTOMER_WRITABLE_FIELDS.filter((field): field is OptionalField => !OWN_RULES.includes(field));

/**
 * Fields the person form leaves out although the server accepts them on a person (it rejects only
 * the contract's company-only fields): a person has no industry, province or district here, and a
 * customer turned into a person has them cleared.
 */
const PERSON_FORM_OMITS: readonly EditableField[] = ['industry', 'province', 'district'];

export const fieldFitsKind = (field: EditableField, kind: CustomerKind): boolean =>
  customerFieldFitsKind(field, kind) && !(kind === 'person' && PERSON_FORM_OMITS.includes(field));

/** How the signed-in user may treat a field: hidden, read-only or editable (security A9). */
export const fieldAccess: (permissions: FieldPermissions, field: EditableField) => FieldAccess = customerFieldAccess;

const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

function normalized(values: CustomerFormValues, field: OptionalField): string | null {
  const value = values[field];
  if (typeof value !== 'string') return value ?? null;
  const text = clean(value);
  return field === 'creditCode' && text ? text.toUpperCase() : text;
}

const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((tag, i) => tag === b[i]);
const cleanTags = (tags: string[] | undefined) => [...new Set((tags ?? []).map((tag) => tag.trim()).filter(Boolean))];

export function toCreateBody(
  values: CustomerFormValues,
  canEdit: (field: EditableField) => boolean,
): CreateCustomerBody {
  const body: Record<string, unknown> = { kind: values.kind, name: values.name.trim() };
  if (values.stage) body.stage = values.stage;
  for (const field of OPTIONAL_FIELDS) {
    const value = normalized(values, field);
    if (value !== null && canEdit(field) && fieldFitsKind(field, values.kind)) body[field] = value;
  }
  const tags = cleanTags(values.tags);
  if (tags.length > 0) body.tags = tags;
  return body as CreateCustomerBody;
}

/** Only the fields that changed, so read-only or hidden fields are never sent back. */
export function toUpdateBody(
  values: CustomerFormValues,
  original: Customer,
  canEdit: (field: EditableField) => boolean,
): UpdateCustomerBody {
  const body: Record<string, unknown> = { version: original.version };
  if (values.kind !== original.kind) body.kind = values.kind;
  if (values.name.trim() !== original.name) body.name = values.name.trim();
  for (const field of OPTIONAL_FIELDS) {
    if (!canEdit(field) || !(field in original)) continue;
    const fits = fieldFitsKind(field, values.kind);
    // The form's values hold only the fields it lays out: one it has no input for keeps its value.
    if (fits && !(field in values)) continue;
    // A field of the other kind is cleared when the kind changes.
    const value = fits ? normalized(values, field) : null;
    if (value !== (original[field] ?? null)) body[field] = value;
  }
  const tags = cleanTags(values.tags);
  if (!sameTags(tags, original.tags)) body.tags = tags;
  return body as UpdateCustomerBody;
}

export function toFormValues(customer: Customer): CustomerFormValues {
  const values: Partial<Record<CustomerWritableField, unknown>> = {};
  for (const field of CUSTOMER_WRITABLE_FIELDS) {
    if (field !== 'stage' && field in customer) values[field] = customer[field];
  }
  return values as CustomerFormValues;
}
