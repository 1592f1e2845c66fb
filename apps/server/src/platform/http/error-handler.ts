import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DATE_PATTERN, DATE_TIME_PATTERN, MONTH_PATTERN } from '@guanxi/contract';
import { classifyDatabaseFailure, describeDatabaseFailure } from '../db/database-errors.js';
import { AppError, invalidField, type FieldError } from '../errors/app-error.js';
import type { MessageKey } from '../i18n/messages.js';
import { fieldLabel, localeFromHeader, translate } from '../i18n/translate.js';

interface AjvIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const SPECIFIC_FORMATS: Record<string, MessageKey> = {
  email: 'validation.email',
  uuid: 'validation.uuid',
  'date-time': 'validation.dateTime',
  date: 'validation.date',
  phone: 'validation.phone',
  mobile: 'validation.mobile',
};
/** The shared date patterns of the contract bound the year; their message says so, whatever the field. */
const PATTERN_MESSAGES: Record<string, MessageKey> = {
  [DATE_PATTERN]: 'validation.date',
  [DATE_TIME_PATTERN]: 'validation.dateTime',
  [MONTH_PATTERN]: 'validation.month',
};
const SPECIFIC_PATTERNS: Record<string, MessageKey> = {
  phone: 'validation.phone',
  mobile: 'validation.mobile',
  username: 'validation.username',
  currency: 'validation.currency',
};
/**
 * Fields whose type and range errors read better as one message: a money amount in fen is "a whole
 * number of fen in range" whether the client sent 1.5, -1 or a string (typically yuan by mistake).
 */
const SPECIFIC_FIELDS: Record<string, MessageKey> = {
  amountFen: 'validation.amountFen',
};
const FIELD_KEYWORDS = new Set(['type', 'minimum', 'maximum']);
/** Generic keywords that a union of types reports next to the specific one. */
const GENERIC = new Set(['type', 'anyOf', 'const', 'enum', 'oneOf']);

function fieldOf(issue: AjvIssue): string {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  // A missing or unknown property inside a nested object is named with its path (`lines.0.productId`).
  const property = issue.keyword === 'required' ? issue.params.missingProperty : issue.params.additionalProperty;
  if (issue.keyword === 'required' || issue.keyword === 'additionalProperties') {
    return path ? `${path}.${String(property)}` : String(property);
  }
  return path || 'body';
}

function keyOf(issue: AjvIssue, field: string): Pick<FieldError, 'key' | 'params'> {
  const leaf = field.split('.').pop() ?? field;
  const limit = issue.params.limit as number | undefined;
  const specific = SPECIFIC_FIELDS[leaf];
  if (specific && FIELD_KEYWORDS.has(issue.keyword)) return { key: specific };
  switch (issue.keyword) {
    case 'required':
      return { key: 'validation.required' };
    case 'additionalProperties':
      return { key: 'validation.unknownField' };
    case 'minLength':
      return limit === 1
        ? { key: 'validation.required' }
        : { key: 'validation.minLength', params: { limit: limit ?? 0 } };
    case 'maxLength':
      return { key: 'validation.maxLength', params: { limit: limit ?? 0 } };
    case 'minimum':
      return { key: 'validation.minimum', params: { limit: limit ?? 0 } };
    case 'maximum':
      return { key: 'validation.maximum', params: { limit: limit ?? 0 } };
    case 'minItems':
      return { key: 'validation.minItems', params: { limit: limit ?? 0 } };
    case 'uniqueItems':
      return { key: 'validation.uniqueItems' };
    case 'pattern':
      return { key: PATTERN_MESSAGES[String(issue.params.pattern)] ?? SPECIFIC_PATTERNS[leaf] ?? 'validation.pattern' };
    case 'format':
      return { key: SPECIFIC_FORMATS[String(issue.params.format)] ?? 'validation.invalid' };
    case 'type':
      return { key: 'validation.type', params: { type: String(issue.params.type) } };
    default:
      return { key: 'validation.oneOf' };
  }
}

/** One error per field, the most specific one ajv reported for it. */
export function fieldErrorsFromAjv(issues: readonly AjvIssue[]): FieldError[] {
  const byField = new Map<string, AjvIssue>();
  for (const issue of issues) {
    const field = fieldOf(issue);
    const current = byField.get(field);
    if (!current || (GENERIC.has(current.keyword) && !GENERIC.has(issue.keyword))) byField.set(field, issue);
  }
  return [...byField].map(([field, issue]) => ({ field, ...keyOf(issue, field) }));
}

/** How long a client should wait before retrying after a 503 (the pool reconnects on demand). */
export const RETRY_AFTER_SECONDS = 5;

function toAppError(error: FastifyError & { validation?: AjvIssue[] }): AppError | null {
  if (error instanceof AppError) return error;
  if (error.validation) {
    return new AppError('validation', 'error.validation', { fields: fieldErrorsFromAjv(error.validation) });
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('payload_too_large', 'error.payloadTooLarge');
  // 415, not 400: a form post (a cross-site request forgery, security C4) is refused as such.
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new AppError('unsupported_media_type', 'error.unsupportedMediaType');
  if (error.code?.startsWith('FST_ERR_CTP_') || error.statusCode === 400) {
    return new AppError('validation', 'error.validation', { fields: [{ field: 'body', key: 'validation.invalid' }] });
  }
  if (error.code === 'FST_ERR_RATE_LIMITED' || error.statusCode === 429) {
    return new AppError('rate_limited', 'error.rateLimited', { params: { seconds: 60 } });
  }
  // Fastify's handlerTimeout (REQUEST_TIMEOUT_MS): the server gave up on its own work.
  if (error.code === 'FST_ERR_HANDLER_TIMEOUT') {
    return new AppError('unavailable', 'error.requestTimeout', { retryAfterSeconds: RETRY_AFTER_SECONDS });
  }
  // By the driver's error anywhere in the cause chain, not by the wrapper's message (issue 10).
  const failure = classifyDatabaseFailure(error);
  if (failure === 'unavailable')
    return new AppError('unavailable', 'error.unavailable', { retryAfterSeconds: RETRY_AFTER_SECONDS });
  if (failure === 'timeout')
    return new AppError('unavailable', 'error.databaseTimeout', { retryAfterSeconds: RETRY_AFTER_SECONDS });
  // The transaction rolled back whole; the same request succeeds when sent again.
  if (failure === 'contention') return new AppError('conflict', 'error.concurrentChange', { retryAfterSeconds: 1 });
  return null;
}

function send(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const locale = request.locale;
  if (error.options.retryAfterSeconds !== undefined)
    reply.header('Retry-After', String(error.options.retryAfterSeconds));
  const fields = error.options.fields?.map((f) => ({
    field: f.field,
    message: `${f.label?.[locale] ?? fieldLabel(locale, f.field)}${locale === 'en' ? ' ' : ''}${translate(locale, f.key, f.params)}`,
  }));
  let message = translate(locale, error.key, error.options.params);
  if (fields && fields.length > 0 && error.key === 'error.validation')
    message = fields.map((f) => f.message).join('；');
  return reply.status(error.status).send({
    error: {
      code: error.code,
      message,
      requestId: String(request.id),
      ...(fields ? { fields } : {}),
      ...error.options.details,
    },
  });
}

/** Maps every failure to the one error shape of design §5, in the caller's language. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError?.code === 'unavailable' && !(error instanceof AppError)) {
      // One line without the SQL: during an outage every request lands here.
      request.log.warn({ route: request.routeOptions.url, reason: describeDatabaseFailure(error) }, 'answered 503');
    }
    if (appError) return send(reply, request, appError);
    request.log.error({ err: error }, 'unhandled error');
    return send(
      reply,
      request,
      new AppError('internal', 'error.internal', { params: { requestId: String(request.id) } }),
    );
  });
}

/**
 * Fastify's `frameworkErrors`: what the router refuses before any hook runs — a path that is not
 * valid percent-encoding (`%zz`, an encoded lone surrogate) or a path parameter over the length
 * limit — answers 400 naming the path, in the one error shape and the caller's language.
 */
export function answerBadUrl(_error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  request.locale = localeFromHeader(request.headers['accept-language']);
  send(reply, request, invalidField('path', 'validation.invalid'));
}
