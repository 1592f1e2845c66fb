import type { FastifyInstance } from 'fastify';
import { invalidField } from '../errors/app-error.js';
import type { MessageKey } from '../i18n/messages.js';

/**
 * NUL cannot be stored in PostgreSQL text, and a lone UTF-16 surrogate cannot be stored in jsonb
 * (the audit log); either one would surface as a 500 from deep inside a write (security B2).
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isStorableText = (text: string): boolean => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

/**
 * No API shape nests deeper than a handful of levels. JSON.parse copes with 100,000 nested
 * brackets, but every recursive walk after it (ajv, the audit diff, serializers) would not.
 */
export const MAX_INPUT_DEPTH = 32;

interface Problem {
  field: string;
  key: MessageKey;
}

/**
 * The first value (in document order) that `check` refuses, or nesting deeper than
 * MAX_INPUT_DEPTH. Iterative, so a hostile body cannot overflow the stack.
 */
function findProblem(root: unknown, check: (leaf: unknown) => MessageKey | null): Problem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') {
      const key = check(value);
      if (key) return { field: path || 'body', key };
      continue;
    }
    // Named by the top-level field (a path 32 levels deep would help no one); an array is the body.
    if (depth >= MAX_INPUT_DEPTH) {
      return { field: Array.isArray(root) ? 'body' : path.split('.')[0] || 'body', key: 'validation.tooDeep' };
    }
    const entries = Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [name, child] = entries[i]!;
      if (!isStorableText(name)) return { field: path || 'body', key: 'validation.invalid' };
      stack.push({ value: child, path: path ? `${path}.${name}` : name, depth: depth + 1 });
    }
  }
  return null;
}

const unstorableText = (leaf: unknown): MessageKey | null =>
  typeof leaf === 'string' && !isStorableText(leaf) ? 'validation.invalid' : null;
/**
 * Query coercion turns `Infinity` and `1e309` into Infinity, and ajv skips the range keywords
 * (`maximum`) for a non-finite number, so `limit=Infinity` would pass validation and fail in SQL.
 */
const nonFiniteNumber = (leaf: unknown): MessageKey | null =>
  typeof leaf === 'number' && !Number.isFinite(leaf) ? 'validation.number' : null;

/**
 * Refuses unstorable text and absurd nesting (after authentication, before validation) and
 * non-finite numbers (after validation's coercion) with a 400 naming the field.
 */
export function registerInputChecks(app: FastifyInstance): void {
  const refuse = (parts: unknown[], check: (leaf: unknown) => MessageKey | null) => {
    for (const part of parts) {
      const problem = findProblem(part, check);
      // A wildcard route's parameter is the rest of the path.
      if (problem) throw invalidField(problem.field === '*' ? 'path' : problem.field, problem.key);
    }
  };
  app.addHook('preValidation', async (request) =>
    refuse([request.params, request.query, request.body], unstorableText),
  );
  app.addHook('preHandler', async (request) => refuse([request.params, request.query, request.body], nonFiniteNumber));
}
