import { sql } from 'drizzle-orm';
import { buildSearchLexemes, toTsvectorLiteral } from '../../platform/search/search-tokens.js';
import { normalizeEmail, normalizeName, normalizePhone } from '../../platform/search/text-normalization.js';

/** Search tokens and the normalized copies the duplicate check looks up, from a contact's values. */
export function contactDerivedColumns(c: {
  name: string;
  title?: string | null | undefined;
  department?: string | null | undefined;
  mobile?: string | null | undefined;
  email?: string | null | undefined;
}) {
  const lexemes = buildSearchLexemes({ texts: [c.name, c.title, c.department], phones: [c.mobile], emails: [c.email] });
  return {
    // drizzle types the custom tsvector column as string; the value is an SQL cast expression.
    searchTokens: sql`${toTsvectorLiteral(lexemes)}::tsvector` as unknown as string,
    nameNormalized: normalizeName(c.name),
    mobileE164: normalizePhone(c.mobile).e164,
    emailNormalized: c.email ? normalizeEmail(c.email) : null,
  };
}
