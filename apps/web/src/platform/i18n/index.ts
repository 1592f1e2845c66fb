import type { Locale } from '@guanxi/contract';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en';
import zhCN from './zh-CN';

export const DEFAULT_LOCALE: Locale = 'zh-CN';
const STORAGE_KEY = 'guanxi.locale';

export const isLocale = (value: unknown): value is Locale => value === 'zh-CN' || value === 'en';

/** The language chosen before login (or last used in this browser). */
export function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** Switches the UI language at once and remembers it in this browser. */
export async function applyLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or blocked storage: the switch still works for this page.
  }
  document.documentElement.lang = locale;
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export const currentLocale = (): Locale => (isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE);

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN },
    en: { translation: en },
  },
  lng: storedLocale(),
  fallbackLng: DEFAULT_LOCALE,
  // React escapes text itself; escaping here too would show "&amp;" to users.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
