/**
 * A company name without its legal form (有限公司, Co., Ltd. …): what people actually call it, and
 * what they would put into a password or an organization code.
 */
const LEGAL_SUFFIX =
  /(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|co\.?,?\s*ltd\.?|ltd\.?|inc\.?|llc|gmbh)$/iu;

export const withoutLegalSuffix = (name: string): string => name.trim().replace(LEGAL_SUFFIX, '').trim();
