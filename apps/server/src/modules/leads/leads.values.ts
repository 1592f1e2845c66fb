import { LEAD_FIELD_GUARDS, LEAD_PROTECTED_FIELDS, type Lead, type LeadPage } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';
import { keysetPage } from '../../platform/pagination.js';
import { buildSearchLexemes, toTsvectorLiteral } from '../../platform/search/search-tokens.js';
import { fieldAccess } from '../customers/index.js';
import { normalizeEmail, normalizeName, normalizePhone } from '../../platform/search/text-normalization.js';
import type { LeadRow } from './leads.repository.js';
import { iso } from '../../platform/db/row-values.js';

/** Search tokens and the normalized copies the duplicate check looks up, from a lead's values. */
export function leadDerivedColumns(l: {
  name: string;
  companyName?: string | null | undefined;
  title?: string | null | undefined;
  mobile?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  wechat?: string | null | undefined;
}) {
  const lexemes = buildSearchLexemes({
    texts: [l.name, l.companyName, l.title, l.wechat],
    phones: [l.mobile, l.phone],
    emails: [l.email],
  });
  const phone = normalizePhone(l.phone);
  return {
    // drizzle types the custom tsvector column as string; the value is an SQL cast expression.
    searchTokens: sql`${toTsvectorLiteral(lexemes)}::tsvector` as unknown as string,
    companyNormalized: l.companyName ? normalizeName(l.companyName) : null,
    mobileE164: normalizePhone(l.mobile).e164,
    phoneE164: phone.e164,
    phoneExt: phone.extension,
    emailNormalized: l.email ? normalizeEmail(l.email) : null,
  };
}

/** A lead field follows the customer field permission of its kind (LEAD_FIELD_GUARDS); others are editable. */
export const leadFieldAccess = (actor: Pick<Actor, 'fieldPermissions'>, field: string) => {
  const guard = (LEAD_FIELD_GUARDS as Partial<Record<string, string>>)[field];
  return guard ? fieldAccess(actor.fieldPermissions, guard) : 'edit';
};

/** API shape of a row; hidden fields are left out entirely (security A9). */
export function toLead(row: LeadRow, actor: Pick<Actor, 'fieldPermissions'>): Lead {
  const lead: Lead = {
    ...row,
    source: row.source as Lead['source'],
    status: row.status as Lead['status'],
    convertedAt: iso(row.convertedAt),
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    deletedAt: iso(row.deletedAt),
  };
  for (const field of LEAD_PROTECTED_FIELDS) {
    if (leadFieldAccess(actor, field) === 'hidden') delete lead[field];
  }
  return lead;
}

/** One page of leads from a repository page read with `limit + 1` rows. */
export function toLeadPage(
  page: { rows: LeadRow[]; sortValues: string[] },
  limit: number,
  actor: Pick<Actor, 'fieldPermissions'>,
): LeadPage {
  const { rows, nextCursor } = keysetPage(page.rows, { limit, sortValueOf: (_, i) => page.sortValues[i] ?? null });
  return { items: rows.map((r) => toLead(r, actor)), nextCursor };
}

/** A write may only touch fields the caller may edit; anything else is rejected, nothing written. */
export function assertWritableLeadFields(actor: Pick<Actor, 'fieldPermissions'>, body: object): void {
  const readOnly = Object.keys(body).filter((field) => leadFieldAccess(actor, field) !== 'edit');
  if (readOnly.length > 0) {
    throw new AppError('validation', 'error.validation', {
      fields: readOnly.map((field) => ({ field, key: 'validation.readOnly' as const })),
    });
  }
}

/** Audit snapshots leave out the joined display names. */
export const leadSnapshot = (row: LeadRow) => {
  const { ownerName: _owner, poolName: _pool, ...rest } = row;
  return rest;
};
