import type {
  CreateCustomerBody,
  Customer,
  CustomerKind,
  FieldAccess,
  FieldPermissions,
  Gender,
  Scale,
  Source,
  Stage,
  Tier,
  UpdateCustomerBody,
} from '@guanxi/contract';

/** What the customer form holds; empty inputs are '' or undefined until sent. */
export interface CustomerFormValues {
  kind: CustomerKind;
  name: string;
  phone?: string | null;
  email?: string | null;
  creditCode?: string | null;
  industry?: string | null;
  scale?: Scale | null;
  website?: string | null;
  gender?: Gender | null;
  /** `YYYY-MM-DD`. */
  birthday?: string | null;
  tier?: Tier | null;
  source?: Source | null;
  stage?: Stage;
  tags?: string[];
  province?: string | null;
  city?: string | null;
  district?: string | null;
  address?: string | null;
  remarks?: string | null;
}

const TEXT_FIELDS = [
  'phone',
  'email',
  'creditCode',
  'industry',
  'website',
  'province',
  'city',
  'district',
  'address',
  'remarks',
] as const;
const CHOICE_FIELDS = ['tier', 'source', 'scale', 'gender', 'birthday'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type OptionalField = TextField | (typeof CHOICE_FIELDS)[number];
export type EditableField = 'kind' | 'name' | 'tags' | OptionalField;

/** Fields only a company (B2B) or only a person (B2C) has (issue 3, item 1). */
const COMPANY_ONLY: readonly EditableField[] = ['creditCode', 'industry', 'scale', 'website', 'province', 'district'];
const PERSON_ONLY: readonly EditableField[] = ['gender', 'birthday'];

export const fieldFitsKind = (field: EditableField, kind: CustomerKind): boolean =>
  kind === 'company' ? !PERSON_ONLY.includes(field) : !COMPANY_ONLY.includes(field);

/** Role-protected fields (security A9); the rest are always editable. */
const PROTECTED = {
  phone: 'customers.phone',
  email: 'customers.email',
  address: 'customers.address',
  remarks: 'customers.remarks',
} as const;

/** How the signed-in user may treat a field: hidden, read-only or editable. */
export function fieldAccess(permissions: FieldPermissions, field: EditableField): FieldAccess {
  const key = field in PROTECTED ? PROTECTED[field as keyof typeof PROTECTED] : undefined;
  return (key && permissions[key]) || 'edit';
}

const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

function normalized(values: CustomerFormValues, field: OptionalField): string | null {
  if (!TEXT_FIELDS.includes(field as TextField)) return values[field] ?? null;
  const value = clean(values[field]);
  return field === 'creditCode' && value ? value.toUpperCase() : value;
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
  for (const field of [...TEXT_FIELDS, ...CHOICE_FIELDS]) {
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
  for (const field of [...TEXT_FIELDS, ...CHOICE_FIELDS]) {
    if (!canEdit(field) || !(field in original)) continue;
    // A field of the other kind is cleared when the kind changes.
    const value = fieldFitsKind(field, values.kind) ? normalized(values, field) : null;
    if (value !== (original[field] ?? null)) body[field] = value;
  }
  const tags = cleanTags(values.tags);
  if (!sameTags(tags, original.tags)) body.tags = tags;
  return body as UpdateCustomerBody;
}

export function toFormValues(customer: Customer): CustomerFormValues {
  const { kind, name, phone, email, creditCode, industry, scale, website, gender, birthday } = customer;
  const { tier, source, tags, province, city, district, address, remarks } = customer;
  return {
    kind,
    name,
    phone,
    email,
    creditCode,
    industry,
    scale,
    website,
    gender,
    birthday,
    tier,
    source,
    tags,
    province,
    city,
    district,
    address,
    remarks,
  };
}
