import type { MessageKey } from '../i18n/messages.js';

export interface FieldError {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
  /** The field's own name per language, for fields an administrator named (custom fields, issue 14). */
  label?: { 'zh-CN': string; en: string };
}

export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'stale_version'
  | 'duplicate'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'business_rule'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  duplicate: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  business_rule: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** A typed domain failure; one handler maps it to a status and a localized message (design §5). */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly options: {
      params?: Record<string, string | number>;
      fields?: FieldError[];
      retryAfterSeconds?: number;
      /** Extra members of the error object, declared in the route's error schema (e.g. `duplicates`). */
      details?: Record<string, unknown>;
    } = {},
  ) {
    super(key);
    this.status = STATUS[code];
  }
}

export const notFound = (entity: MessageKey) => new AppError('not_found', 'error.notFound', { params: { entity } });
export const staleVersion = () => new AppError('stale_version', 'error.staleVersion');
export const forbidden = () => new AppError('forbidden', 'error.forbidden');
export const invalidField = (field: string, key: MessageKey, params?: Record<string, string | number>) =>
  new AppError('validation', 'error.validation', { fields: [{ field, key, ...(params ? { params } : {}) }] });
