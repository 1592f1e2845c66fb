import type { CreateLeadBody, Lead, Source, UpdateLeadBody } from '@guanxi/contract';

/** The drawer's fields; text inputs hold '' when empty. */
export interface LeadFormValues {
  name: string;
  companyName?: string;
  title?: string;
  mobile?: string;
  phone?: string;
  email?: string;
  wechat?: string;
  source?: Source | null;
  poolId?: string | null;
  remarks?: string;
}

/** Fields a role may not see (field permissions) are absent from the lead, and then from the form. */
export const PROTECTED_FIELDS = ['mobile', 'phone', 'email', 'wechat', 'remarks'] as const;
export type ProtectedField = (typeof PROTECTED_FIELDS)[number];
const TEXT_FIELDS = ['companyName', 'title', 'mobile', 'phone', 'email', 'wechat', 'remarks'] as const;

export function toLeadFormValues(lead: Lead): LeadFormValues {
  return {
    name: lead.name,
    companyName: lead.companyName ?? '',
    title: lead.title ?? '',
    mobile: lead.mobile ?? '',
    phone: lead.phone ?? '',
    email: lead.email ?? '',
    wechat: lead.wechat ?? '',
    source: lead.source,
    poolId: lead.poolId,
    remarks: lead.remarks ?? '',
  };
}

const clean = (value: string | undefined): string | null => value?.trim() || null;

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
