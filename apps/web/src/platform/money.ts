import { DEFAULT_CURRENCY } from '@guanxi/contract';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/*
 * The API keeps money as integer minor units (分) with a currency code (design §3); people type and
 * read yuan. Every currency used here (CNY and the usual foreign ones) has two minor digits, so
 * 1 unit = 100 minor units.
 */

/**
 * Fen from what was typed in yuan ("10000.5", "88000"): parsed as a decimal string, so no float
 * drift (0.29 * 100 is 28.999999999999996). The form allows at most two decimals; null for anything
 * that is not such an amount.
 */
export function yuanToFen(yuan: string): number | null {
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(yuan.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/**
 * A form rule for a positive amount typed in yuan (at most two decimals), failing with `message`.
 * An empty field passes: saying that it is required is the `required` rule's job.
 */
export function positiveYuanRule(message: string) {
  return {
    validator: (_: unknown, value: string | null | undefined) => {
      if (value === null || value === undefined || value === '') return Promise.resolve();
      const fen = yuanToFen(String(value));
      return fen !== null && fen > 0 ? Promise.resolve() : Promise.reject(new Error(message));
    },
  };
}

/** Fen as a yuan string with exactly two decimals ("1000050" → "10000.50"), for the form. */
export function fenToYuan(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/**
 * Formats fen in the UI language: `¥10,000.50` (narrow symbol, so English shows ¥ rather than
 * CN¥). fen / 100 is exact enough: Intl rounds to two decimals, and amounts stay below 10^15.
 */
export function formatMoney(fen: number, currency: string = DEFAULT_CURRENCY, locale = 'zh-CN'): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(fen / 100);
}

/** The currency's symbol as `formatMoney` shows it (¥ for CNY), e.g. for an input's prefix. */
export function currencySymbol(currency: string, locale = 'zh-CN'): string {
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
  return parts.formatToParts(0).find((part) => part.type === 'currency')?.value ?? currency;
}

/** `formatMoney` bound to the current UI language. */
export function useFormatMoney() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useCallback(
    (fen: number, currency: string = DEFAULT_CURRENCY) => formatMoney(fen, currency, locale),
    [locale],
  );
}
