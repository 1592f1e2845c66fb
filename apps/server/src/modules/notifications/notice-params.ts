import type { Locale } from '@guanxi/contract';
import { isMessageKey, translate } from '../../platform/i18n/index.js';

const isTextRecord = (value: unknown): value is Record<string, string | number> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number');

/**
 * A notice's parameters as its reader sees them. A notice may carry `titleMessage` (a message key and
 * its parameters, e.g. an approval's title): its `title` is then rendered in the reader's language, not
 * kept in the sender's. Rows stored before (or without a usable message) keep their stored `title`.
 */
export function paramsForReader(locale: Locale, params: Record<string, unknown>): Record<string, unknown> {
  const { titleMessage, ...rest } = params;
  if (typeof titleMessage !== 'object' || titleMessage === null) return params;
  const { key, params: values } = titleMessage as { key?: unknown; params?: unknown };
  if (typeof key !== 'string' || !isMessageKey(key) || !isTextRecord(values)) return rest;
  return { ...rest, title: translate(locale, key, values) };
}
