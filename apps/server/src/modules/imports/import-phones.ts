import { parsePhoneInRegion, type ParsedPhone } from '@guanxi/contract';
import { valueKey } from './import-value-maps.js';

/**
 * Country names as files write them (English, common short forms, Chinese) → ISO 3166 alpha-2, for
 * reading phone numbers written the way their own country writes them. A two-letter code is taken
 * as it is unless it is a known short form (UK → GB).
 */
const COUNTRY_REGIONS: Readonly<Record<string, string>> = {
  china: 'CN',
  prc: 'CN',
  中国: 'CN',
  中国大陆: 'CN',
  中华人民共和国: 'CN',
  hongkong: 'HK',
  香港: 'HK',
  中国香港: 'HK',
  macau: 'MO',
  macao: 'MO',
  澳门: 'MO',
  taiwan: 'TW',
  台湾: 'TW',
  中国台湾: 'TW',
  usa: 'US',
  us: 'US',
  unitedstates: 'US',
  unitedstatesofamerica: 'US',
  america: 'US',
  美国: 'US',
  uk: 'GB',
  gb: 'GB',
  unitedkingdom: 'GB',
  greatbritain: 'GB',
  england: 'GB',
  britain: 'GB',
  英国: 'GB',
  canada: 'CA',
  加拿大: 'CA',
  australia: 'AU',
  澳大利亚: 'AU',
  澳洲: 'AU',
  newzealand: 'NZ',
  新西兰: 'NZ',
  japan: 'JP',
  日本: 'JP',
  korea: 'KR',
  southkorea: 'KR',
  韩国: 'KR',
  singapore: 'SG',
  新加坡: 'SG',
  malaysia: 'MY',
  马来西亚: 'MY',
  thailand: 'TH',
  泰国: 'TH',
  vietnam: 'VN',
  越南: 'VN',
  indonesia: 'ID',
  印度尼西亚: 'ID',
  印尼: 'ID',
  philippines: 'PH',
  菲律宾: 'PH',
  india: 'IN',
  印度: 'IN',
  germany: 'DE',
  deutschland: 'DE',
  德国: 'DE',
  france: 'FR',
  法国: 'FR',
  spain: 'ES',
  españa: 'ES',
  espana: 'ES',
  西班牙: 'ES',
  italy: 'IT',
  italia: 'IT',
  意大利: 'IT',
  netherlands: 'NL',
  holland: 'NL',
  荷兰: 'NL',
  belgium: 'BE',
  比利时: 'BE',
  switzerland: 'CH',
  瑞士: 'CH',
  austria: 'AT',
  奥地利: 'AT',
  sweden: 'SE',
  瑞典: 'SE',
  norway: 'NO',
  挪威: 'NO',
  denmark: 'DK',
  丹麦: 'DK',
  finland: 'FI',
  芬兰: 'FI',
  ireland: 'IE',
  爱尔兰: 'IE',
  portugal: 'PT',
  葡萄牙: 'PT',
  poland: 'PL',
  波兰: 'PL',
  russia: 'RU',
  俄罗斯: 'RU',
  brazil: 'BR',
  巴西: 'BR',
  mexico: 'MX',
  墨西哥: 'MX',
  southafrica: 'ZA',
  南非: 'ZA',
  uae: 'AE',
  unitedarabemirates: 'AE',
  阿联酋: 'AE',
  saudiarabia: 'SA',
  沙特: 'SA',
  沙特阿拉伯: 'SA',
  turkey: 'TR',
  土耳其: 'TR',
  israel: 'IL',
  以色列: 'IL',
};

/** The ISO region of a country cell; null when the name is unknown or empty. */
export function regionOfCountry(country: string | null | undefined): string | null {
  const text = (country ?? '').trim();
  const named = COUNTRY_REGIONS[valueKey(text)];
  if (named) return named;
  return /^[A-Za-z]{2}$/.test(text) ? text.toUpperCase() : null;
}

/**
 * A phone cell as an import stores it. A number valid in the row's country (or, without one, by the
 * app's own rule with mainland China as home) is kept — in E.164 form when it was read through the
 * country, so the server's own reading (China first) cannot take `2125557818` for Shanghai. An
 * invalid number is no reason to refuse the row when it is only a contact detail: the caller leaves
 * it out, keeps the text in the remarks and reports a warning.
 */
export function importPhone(
  typed: string | null | undefined,
  country: string | null | undefined,
): { phone: string | null; parsed: ParsedPhone | null; invalid: string | null } {
  const text = (typed ?? '').trim();
  if (text === '') return { phone: null, parsed: null, invalid: null };
  const region = regionOfCountry(country);
  const parsed = parsePhoneInRegion(text, region ?? 'CN');
  if (!parsed) return { phone: null, parsed: null, invalid: text };
  const phone = region && region !== 'CN' ? parsed.e164 + (parsed.extension ? ` ext ${parsed.extension}` : '') : text;
  return { phone, parsed, invalid: null };
}
