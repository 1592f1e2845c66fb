import type { Locale } from '@guanxi/contract';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type zhCN from './zh-CN';

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

/**
 * Each language's texts are a chunk of their own, fetched when the language is first used: the
 * sign-in page downloads one catalog, not both.
 */
const CATALOGS: Record<Locale, () => Promise<{ default: typeof zhCN }>> = {
  'zh-CN': () => import('./zh-CN'),
  en: () => import('./en'),
};

/** Makes `locale`'s texts available (once); the app renders only after the first language's are in. */
export async function loadCatalog(locale: Locale): Promise<void> {
  if (i18n.hasResourceBundle(locale, 'translation')) return;
  i18n.addResourceBundle(locale, 'translation', (await CATALOGS[locale]()).default);
}

/** Switches the UI language at once and remembers it in this browser. */
export async function applyLocale(locale: Locale): Promise<void> {
  await loadCatalog(locale);
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
  // Filled by loadCatalog before the first render (main.tsx) and on each switch of language.
  resources: {},
  partialBundledLanguages: true,
  lng: storedLocale(),
  fallbackLng: DEFAULT_LOCALE,
  // React escapes text itself; escaping here too would show "&amp;" to users.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
