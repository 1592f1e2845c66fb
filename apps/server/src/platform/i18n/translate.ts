import type { Locale } from '@guanxi/contract';
import { en, zhCN, type MessageKey } from './messages.js';

const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(en, value);
}

/** Looks up a message; a parameter whose value is itself a message key is translated too. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogs[locale][key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === 'string' && isMessageKey(value) ? catalogs[locale][value] : String(value);
  });
}

/** Label of a request field for error messages; falls back to the field's own name. */
export function fieldLabel(locale: Locale, field: string): string {
  const key = `field.${field}`;
  return isMessageKey(key) ? catalogs[locale][key] : field;
}

/** Picks zh-CN or en from an Accept-Language header; Chinese is the default. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'zh-CN';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
