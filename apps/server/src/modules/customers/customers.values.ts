import {
  CUSTOMER_COMPANY_ONLY_FIELDS,
  CUSTOMER_PERSON_ONLY_FIELDS,
  isValidCreditCode,
  normalizeCreditCode,
  parsePhone,
  type CustomerKind,
} from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import { buildSearchLexemes, toTsvectorLiteral } from '../../platform/search/search-tokens.js';
import {
  nameBigrams,
  normalizeEmail,
  normalizeName,
  normalizePhone,
} from '../../platform/search/text-normalization.js';

/** The columns a customer's searchable and comparable copies are built from. */
export interface CustomerDerivationSource {
  name: string;
  customerNo: string;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  creditCode?: string | null | undefined;
  tags?: readonly string[] | null | undefined;
}

/** A customer's search tokens as tsvector text (`'huawei' 'hw' …`). */
const searchTokensText = (c: CustomerDerivationSource): string =>
  toTsvectorLiteral(
    buildSearchLexemes({
      texts: [c.name, c.customerNo, c.creditCode, ...(c.tags ?? [])],
      phones: [c.phone],
      emails: [c.email],
    }),
  );

/** The search_tokens value for a customer, as an SQL expression for insert or update. */
export const customerSearchTokens = (c: CustomerDerivationSource): string =>
  // drizzle types the custom tsvector column as string; the value is an SQL cast expression.
  sql`${searchTokensText(c)}::tsvector` as unknown as string;

/**
 * Every column derived from the editable ones: search tokens and the normalized copies the
 * duplicate check looks up (domain §4). Written on every insert and update.
 */
export function customerDerivedColumns(c: CustomerDerivationSource) {
  return { ...customerDerivedValues(c), searchTokens: customerSearchTokens(c) };
}

/** The same columns as plain values (search tokens as tsvector text), for `insertCustomerRows`. */
export function customerDerivedValues(c: CustomerDerivationSource) {
  const nameNormalized = normalizeName(c.name);
  const phone = normalizePhone(c.phone);
  return {
    searchTokens: searchTokensText(c),
    nameNormalized,
    nameBigrams: nameBigrams(nameNormalized),
    phoneE164: phone.e164,
    phoneExt: phone.extension,
    emailNormalized: c.email ? normalizeEmail(c.email) : null,
  };
}

/**
 * The derived columns of a customer that has no number yet, for an import that derives them ahead
 * of the batch that numbers the row; {@link numberedDerivedValues} adds the number's search tokens.
 * Equal to `customerDerivedValues` once completed (the number is one more searchable text).
 */
export const unnumberedDerivedValues = (c: Omit<CustomerDerivationSource, 'customerNo'>) =>
  customerDerivedValues({ ...c, customerNo: '' });

export function numberedDerivedValues(
  derived: ReturnType<typeof unnumberedDerivedValues>,
  customerNo: string,
): ReturnType<typeof customerDerivedValues> {
  const numberTokens = toTsvectorLiteral(buildSearchLexemes({ texts: [customerNo] }));
  return { ...derived, searchTokens: [derived.searchTokens, numberTokens].filter((t) => t !== '').join(' ') };
}

/** Input clean-up before validation: credit codes upper-case half-width, tags trimmed. */
export function cleanCustomerInput<
  T extends { name?: string | undefined; creditCode?: string | null | undefined; tags?: string[] | undefined },
>(body: T): T {
  const cleaned = { ...body };
  if (cleaned.name !== undefined) cleaned.name = cleaned.name.trim();
  if (cleaned.creditCode) cleaned.creditCode = normalizeCreditCode(cleaned.creditCode);
  if (cleaned.tags) cleaned.tags = [...new Set(cleaned.tags.map((t) => t.trim()).filter((t) => t !== ''))];
  return cleaned;
}

type KindOnlyField = (typeof CUSTOMER_COMPANY_ONLY_FIELDS)[number] | (typeof CUSTOMER_PERSON_ONLY_FIELDS)[number];

/**
 * Rules beyond the schema, checked on the customer as it will be stored: the credit code's
 * check character, kind-specific fields, a person's phone being a mobile number.
 */
export function assertValidCustomer(
  c: { kind: CustomerKind | string; name: string } & {
    [F in KindOnlyField | 'phone' | 'creditCode' | 'birthday']?: string | null | undefined;
  },
): void {
  const fields: FieldError[] = [];
  if (c.name === '') fields.push({ field: 'name', key: 'validation.required' });
  if (c.creditCode && !isValidCreditCode(c.creditCode))
    fields.push({ field: 'creditCode', key: 'validation.creditCode' });
  const foreign = c.kind === 'person' ? CUSTOMER_COMPANY_ONLY_FIELDS : CUSTOMER_PERSON_ONLY_FIELDS;
  for (const field of foreign) {
    if (c[field] !== null && c[field] !== undefined && !fields.some((f) => f.field === field)) {
      fields.push({ field, key: 'validation.notForKind' });
    }
  }
  if (c.kind === 'person' && c.phone && parsePhone(c.phone)?.kind !== 'mobile')
    fields.push({ field: 'phone', key: 'validation.mobile' });
  if (c.birthday && (Number.isNaN(Date.parse(c.birthday)) || c.birthday > new Date().toISOString().slice(0, 10))) {
    fields.push({ field: 'birthday', key: 'validation.date' });
  }
  if (fields.length > 0) throw new AppError('validation', 'error.validation', { fields });
}
