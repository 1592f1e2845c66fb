import type { Locale } from '@guanxi/contract';
import { en, zhCN, type MessageCatalog, type MessageKey } from './messages.js';

// Platform messages, then each module's as the composition root registers them (a module's text wins).
const catalogs: Record<Locale, Record<string, string>> = { 'zh-CN': { ...zhCN }, en: { ...en } };

/** Called by the composition root (modules/registry.ts) with every module's catalog, before any request. */
export function registerMessageCatalogs(modules: readonly MessageCatalog[]): void {
  for (const catalog of modules) {
    Object.assign(catalogs.en, catalog.en);
    Object.assign(catalogs['zh-CN'], catalog.zhCN);
  }
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(catalogs.en, value);
}

/** Looks up a message; a parameter whose value is itself a message key is translated too. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  // Undefined only for a module key whose catalog was never registered: a wiring error, said plainly.
  const template = catalogs[locale][key];
  if (template === undefined) throw new Error(`message ${key} is in no registered catalog`);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    // A parameter naming a message is that message, filled from the same parameters (a cause inside a wrapper).
    return typeof value === 'string' && isMessageKey(value) && value !== key
      ? translate(locale, value, params)
      : String(value);
  });
}

const ownLabel = (locale: Locale, name: string): string => {
  const key = `field.${name}`;
  return isMessageKey(key) ? (catalogs[locale][key] ?? name) : name;
};

/**
 * Label of a request field for error messages; falls back to the field's own name. A nested
 * field without a label of its own (`lines.0.quantity`) is named by its parts: "订单明细第 1 项的数量",
 * "Order lines #1 › Quantity".
 */
export function fieldLabel(locale: Locale, field: string): string {
  if (isMessageKey(`field.${field}`) || !field.includes('.')) return ownLabel(locale, field);
  const [first, ...rest] = field.split('.');
  return rest.reduce(
    (parent, part) =>
      /^\d+$/.test(part)
        ? translate(locale, 'field.item', { parent, index: Number(part) + 1 })
        : translate(locale, 'field.nested', { parent, field: ownLabel(locale, part) }),
    ownLabel(locale, first!),
  );
}

/** Picks zh-CN or en from an Accept-Language header; Chinese is the default. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'zh-CN';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
