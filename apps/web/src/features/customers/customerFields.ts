import type {
  CreateCustomerBody,
  Customer,
  CustomerKind,
  FieldAccess,
  FieldPermissions,
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
  industry?: string | null;
  tier?: Tier | null;
  source?: Source | null;
  stage?: Stage;
  city?: string | null;
  address?: string | null;
  remarks?: string | null;
}

const TEXT_FIELDS = ['phone', 'email', 'industry', 'city', 'address', 'remarks'] as const;
const CHOICE_FIELDS = ['tier', 'source'] as const;
type OptionalField = (typeof TEXT_FIELDS)[number] | (typeof CHOICE_FIELDS)[number];
export type EditableField = 'kind' | 'name' | OptionalField;

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
  return TEXT_FIELDS.includes(field as (typeof TEXT_FIELDS)[number]) ? clean(values[field]) : (values[field] ?? null);
}

export function toCreateBody(
  values: CustomerFormValues,
  canEdit: (field: EditableField) => boolean,
): CreateCustomerBody {
  const body: Record<string, unknown> = { kind: values.kind, name: values.name.trim() };
  if (values.stage) body.stage = values.stage;
  for (const field of [...TEXT_FIELDS, ...CHOICE_FIELDS]) {
    const value = normalized(values, field);
    if (value !== null && canEdit(field)) body[field] = value;
  }
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
    const value = normalized(values, field);
    if (value !== (original[field] ?? null)) body[field] = value;
  }
  return body as UpdateCustomerBody;
}

export function toFormValues(customer: Customer): CustomerFormValues {
  return {
    kind: customer.kind,
    name: customer.name,
    phone: customer.phone,
    email: customer.email,
    industry: customer.industry,
    tier: customer.tier,
    source: customer.source,
    city: customer.city,
    address: customer.address,
    remarks: customer.remarks,
  };
}
