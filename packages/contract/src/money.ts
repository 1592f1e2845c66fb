import { Type } from 'typebox';

/**
 * Money as integer minor units (分 for CNY) with a currency code, never floats (design §3). The cap
 * is what the former numeric(14, 2) column held (12 yuan digits): it keeps amounts, and sums of
 * many of them, exact as JSON numbers (far below 2^53).
 */
export const MAX_AMOUNT_FEN = 99_999_999_999_999;
export const AmountFen = Type.Integer({ minimum: 0, maximum: MAX_AMOUNT_FEN });
/** A sum of amounts in minor units: exact, but not capped like a single amount. */
export const AmountFenSum = Type.Integer({ minimum: 0 });
/** ISO 4217 currency code. */
export const CURRENCY_PATTERN = '^[A-Z]{3}$';
export const DEFAULT_CURRENCY = 'CNY';
export const Currency = Type.String({ pattern: CURRENCY_PATTERN });

/*
 * Amounts travel as integer minor units (分); people type and read yuan. Every currency used here
 * (CNY and the usual foreign ones) has two minor digits, so 1 unit = 100 minor units. The
 * conversions below work on digits, never on floats (0.29 * 100 is 28.999999999999996).
 */

/**
 * Fen from an amount typed in yuan ("10000.5", "88000"), at most two decimals; null for anything
 * that is not such an amount (signs, exponents, three decimals).
 */
export function yuanToFen(yuan: string): number | null {
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(yuan.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Fen as yuan with exactly two decimals ("1000050" → "10000.50", -5 → "-0.05"), for forms and messages. */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Fen as yuan with two decimals and thousands separators ("1,234,567.89"), for messages. */
export function formatYuan(fen: number): string {
  const abs = BigInt(Math.abs(fen));
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${fen < 0 ? '-' : ''}${whole}.${cents}`;
}
