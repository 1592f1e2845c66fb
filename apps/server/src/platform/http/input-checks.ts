import type { FastifyInstance } from 'fastify';
import { invalidField } from '../errors/app-error.js';

/**
 * NUL cannot be stored in PostgreSQL text, and a lone UTF-16 surrogate cannot be stored in jsonb
 * (the audit log); either one would surface as a 500 from deep inside a write (security B2).
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isStorableText = (text: string): boolean => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

/** The path of the first string (or property name) that cannot be stored, or null. */
function findUnstorable(value: unknown, path: string): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (!isStorableText(key)) return path || 'body';
    const found = findUnstorable(child, childPath);
    if (found !== null) return found;
  }
  return null;
}

/** Refuses such input with a 400 naming the field; runs after authentication, before validation. */
export function registerTextInputCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const field = findUnstorable(part, '');
      if (field !== null) throw invalidField(field || 'body', 'validation.invalid');
    }
  });
}
