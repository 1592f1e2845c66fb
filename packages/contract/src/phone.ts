import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { Type } from 'typebox';

/**
 * The one phone number rule (issue 12) for entry, import, the duplicate check, search and caller
 * lookup, on the server and in the browser: libphonenumber's full metadata decides what is a valid
 * number, mainland China is the default region, and the comparable key is the E.164 form, so
 * `+86 21 6666 8888`, `021-6666 8888` and `0086-21-66668888` are one number.
 */
export type PhoneKind = 'mobile' | 'landline';

export interface ParsedPhone {
  /** `+862166668888`: the key the duplicate check and its indexes compare. */
  e164: string;
  /** `8001` of `021-6666 8888 转8001`; null without one. */
  extension: string | null;
  kind: PhoneKind;
  /** ISO country of the number (`CN`), when the calling code tells it. */
  country: string | null;
  /** The digits after the country code (`2166668888`, `13800138000`). */
  nationalNumber: string;
  /** Digits people type when searching: national digits, with the trunk 0 for CN landlines. */
  searchDigits: string[];
}

/** Longest accepted input, extension included. */
export const PHONE_MAX_LENGTH = 40;
const MAX_EXTENSION = 6;
/** `转8001`, `分机 8001`, `ext 8001`, `ext. 8001`, `x8001`, `#8001` at the end. */
const MARKED_EXTENSION = new RegExp(`^(.*?)\\s*(?:转|分机|ext\\.?|x|#)\\s*(\\d{1,${MAX_EXTENSION}})$`, 'i');
/** `-8001` after a complete landline. */
const DASHED_EXTENSION = new RegExp(`^(.*\\d)\\s*-\\s*(\\d{1,${MAX_EXTENSION}})$`);
/** What a number may be written with once the extension is off: digits, +, spaces, dashes, brackets, dots. */
const NUMBER_CHARACTERS = /^\+?[\d\s\-().]+$/;

function parseNumber(text: string): Omit<ParsedPhone, 'extension'> | null {
  if (!NUMBER_CHARACTERS.test(text)) return null;
  const number = parsePhoneNumberFromString(text, { defaultCountry: 'CN', extract: false });
  if (!number?.isValid() || number.ext) return null;
  const type = number.getType();
  const kind: PhoneKind = type === 'MOBILE' ? 'mobile' : 'landline';
  const national = number.nationalNumber;
  const country = number.country ?? null;
  const searchDigits =
    country === 'CN'
      ? kind === 'landline'
        ? [national, `0${national}`]
        : [national]
      : [national, `${number.countryCallingCode}${national}`];
  return { e164: number.number, kind, country, nationalNumber: national, searchDigits };
}

/**
 * Reads a typed phone number: full-width digits and brackets, `+86` / `0086` / `86` prefixes,
 * spaces, dashes and brackets are accepted; an extension (`转8001`, `ext 8001`, `#8001`, or
 * `-8001` after a complete landline) is split off. Null when it is no valid number.
 *
 * @example parsePhone('021-6666 8888 转8001') // { e164: '+862166668888', extension: '8001', kind: 'landline', … }
 */
export function parsePhone(typed: string): ParsedPhone | null {
  if (recentlyParsed.has(typed)) return recentlyParsed.get(typed)!;
  const parsed = readPhone(typed);
  if (parsed) {
    Object.freeze(parsed.searchDigits);
    Object.freeze(parsed);
  }
  if (recentlyParsed.size >= RECENTLY_PARSED_MAX) recentlyParsed.delete(recentlyParsed.keys().next().value!);
  recentlyParsed.set(typed, parsed);
  return parsed;
}

/**
 * The last numbers read, answered again without libphonenumber: one imported row's number is read
 * by its validation, its duplicate key and its search tokens, and libphonenumber's full check is
 * most of an import's CPU time. The answers are frozen, so sharing them is safe.
 */
const recentlyParsed = new Map<string, ParsedPhone | null>();
const RECENTLY_PARSED_MAX = 1024;

function readPhone(typed: string): ParsedPhone | null {
  const text = typed.normalize('NFKC').trim();
  if (text === '' || text.length > PHONE_MAX_LENGTH) return null;
  const marked = MARKED_EXTENSION.exec(text);
  if (marked) {
    const number = parseNumber(marked[1]!);
    return number?.kind === 'landline' ? { ...number, extension: marked[2]! } : null;
  }
  const whole = parseNumber(text);
  if (whole) return { ...whole, extension: null };
  const dashed = DASHED_EXTENSION.exec(text);
  const number = dashed ? parseNumber(dashed[1]!) : null;
  return number?.kind === 'landline' ? { ...number, extension: dashed![2]! } : null;
}

/** A valid mobile or landline (an extension allowed). */
export const isValidPhone = (typed: string): boolean => parsePhone(typed) !== null;

/** A valid mobile number, without extension. */
export const isValidMobile = (typed: string): boolean => parsePhone(typed)?.kind === 'mobile';

/** The duplicate check's key of a typed number (E.164), or null when it is no valid number. */
export const phoneKey = (typed: string): string | null => parsePhone(typed)?.e164 ?? null;

/** Validators of the `phone` and `mobile` string formats, for the server's ajv. */
export const PHONE_FORMATS = { phone: isValidPhone, mobile: isValidMobile } as const;

/** A phone number as typed: any spelling of a valid mobile or landline (see `parsePhone`). */
export const PhoneText = Type.String({ format: 'phone', maxLength: PHONE_MAX_LENGTH });
/** A mobile number as typed: any spelling of a valid mobile number, no extension. */
export const MobileText = Type.String({ format: 'mobile', maxLength: PHONE_MAX_LENGTH });

/**
 * A number written the way its own country writes it (`(171) 555-0297` in the UK, `2125557818` in
 * the USA), as files from other systems hold them next to a country column: read in that region
 * (ISO 3166 alpha-2) first, else as `parsePhone` reads it; held to the one rule above either way.
 * Null when it is no valid number.
 */
export function parsePhoneInRegion(typed: string, region: string): ParsedPhone | null {
  const text = typed.normalize('NFKC').trim();
  // The region first: `2125557818` next to "USA" is New York, though it reads as a Shanghai landline too.
  if (text !== '' && text.length <= PHONE_MAX_LENGTH && NUMBER_CHARACTERS.test(text)) {
    const number = parsePhoneNumberFromString(text, { defaultCountry: region.toUpperCase() as CountryCode });
    const inRegion = number?.isValid() && !number.ext ? parsePhone(number.number) : null;
    if (inRegion) return inRegion;
  }
  return parsePhone(typed);
}
