import {
  LEAD_PROTECTED_FIELDS,
  LEAD_WRITABLE_FIELDS,
  type CreateLeadBody,
  type Lead,
  type LeadProtectedField,
  type LeadWritableField,
  type UpdateLeadBody,
} from '@guanxi/contract';

/** The drawer's fields: a create body's, less the owner (assigned elsewhere); text inputs hold '' when empty. */
export type LeadFormValues = Omit<CreateLeadBody, 'ownerId'>;

/** Fields a role may not see (field permissions) are absent from the lead, and then from the form. */
export const PROTECTED_FIELDS = LEAD_PROTECTED_FIELDS;
export type ProtectedField = LeadProtectedField;

/** Choices (source, pool) are sent as chosen; every other writable field is text, trimmed. */
type ChoiceField = 'source' | 'poolId';
type TextField = Exclude<LeadWritableField, ChoiceField>;
const CHOICE_FIELDS: readonly LeadWritableField[] = ['source', 'poolId'];
const TEXT_FIELDS = LEAD_WRITABLE_FIELDS.filter((field): field is TextField => !CHOICE_FIELDS.includes(field));

export function toLeadFormValues(lead: Lead): LeadFormValues {
  const values: LeadFormValues = { name: lead.name, source: lead.source, poolId: lead.poolId };
  for (const field of TEXT_FIELDS) values[field] = lead[field] ?? '';
  return values;
}

const clean = (value: string | null | undefined): string | null => value?.trim() || null;

/** A new lead: empty fields are left out. */
export function toCreateLeadBody(values: LeadFormValues): CreateLeadBody {
  const body: CreateLeadBody = { name: values.name.trim() };
  for (const field of TEXT_FIELDS) {
    const value = clean(values[field]);
    if (value !== null) body[field] = value;
  }
  if (values.source) body.source = values.source;
  if (values.poolId) body.poolId = values.poolId;
  return body;
}

/** An edit sends only what changed; a cleared field becomes null. */
export function toUpdateLeadBody(values: LeadFormValues, lead: Lead): UpdateLeadBody {
  const body: UpdateLeadBody = { version: lead.version };
  const name = values.name.trim();
  if (name !== lead.name) body.name = name;
  for (const field of TEXT_FIELDS) {
    if (!(field in values)) continue;
    const value = clean(values[field]);
    if (value !== (lead[field] ?? null)) body[field] = value;
  }
  if ((values.source ?? null) !== lead.source) body.source = values.source ?? null;
  if ((values.poolId ?? null) !== lead.poolId) body.poolId = values.poolId ?? null;
  return body;
}
