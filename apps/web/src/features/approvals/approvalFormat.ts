import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** A percentage as the card shows it: one decimal at most, in the UI language (`12.5%`). */
export function usePercent() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useCallback((value: number) => `${value.toLocaleString(locale, { maximumFractionDigits: 1 })}%`, [locale]);
}
