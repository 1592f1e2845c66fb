import { DEFAULT_CURRENCY, yuanToFen } from '@guanxi/contract';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

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

/**
 * An amount at a glance, for KPI cards, board totals and chart axes: `¥23.8万`, `¥1.2亿` in Chinese,
 * `¥238K`, `¥1.2M` in English; below ten thousand the whole yuan (`¥8,500`). Tables and forms keep
 * `formatMoney`'s full amount.
 */
export function formatMoneyCompact(fen: number, currency: string = DEFAULT_CURRENCY, locale = 'zh-CN'): string {
  const yuan = fen / 100;
  const compact = Math.abs(yuan) >= 10_000;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    ...(compact ? { notation: 'compact' as const } : {}),
    minimumFractionDigits: 0,
    maximumFractionDigits: compact ? 1 : 0,
  }).format(yuan);
}

/** `formatMoneyCompact` bound to the current UI language. */
export function useFormatMoneyCompact() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useCallback(
    (fen: number, currency: string = DEFAULT_CURRENCY) => formatMoneyCompact(fen, currency, locale),
    [locale],
  );
}
