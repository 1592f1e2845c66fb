import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config/config.js';
import type { Db } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import { credentialsRepository } from '../auth/credentials.repository.js';
import { actorFromPrincipal } from '../auth/principal.js';
import { hashSecret } from '../auth/secrets.js';
import { localeFromHeader } from '../i18n/translate.js';
import type { RoutePermission } from './request-context.js';

export const SESSION_COOKIE = 'guanxi_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Sessions and API tokens are touched at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Resolves the caller, enforces CSRF for cookie sessions and the route's declared permission,
 * before the body is validated, so unauthorized callers learn nothing from validation errors.
 */
export function registerAuthentication(app: FastifyInstance, db: Db, config: Config): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('locale', 'zh-CN');

  app.addHook('onRequest', async (request) => {
    request.locale = localeFromHeader(request.headers['accept-language']);
  });

  app.addHook('preValidation', async (request) => {
    const permission = request.routeOptions.config.permission;
    if (permission === undefined) return; // not-found handler and static files
    await resolveActor(request, db, config);
    if (permission === 'public') return;
    if (!request.actor) throw new AppError('unauthenticated', 'error.unauthenticated');
    checkCsrf(request);
    checkPermission(request, permission);
  });
}

async function resolveActor(request: FastifyRequest, db: Db, config: Config): Promise<void> {
  const context = { ip: request.ip ?? null, requestId: String(request.id) };
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const tokenHash = hashSecret(authorization.slice(7).trim());
    const principal = await credentialsRepository.getPrincipalByApiToken(db, tokenHash);
    // An unknown token is no caller at all: public routes still answer, the others say 401.
    if (!principal) return;
    if (isDue(principal.last_seen_at)) await credentialsRepository.touchApiToken(db, tokenHash);
    request.actor = actorFromPrincipal(principal, context);
    request.locale = request.actor.locale;
    return;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const tokenHash = hashSecret(cookie);
  const principal = await credentialsRepository.getPrincipalBySession(db, tokenHash, config.sessionIdleMinutes);
  if (!principal) return;
  if (isDue(principal.last_seen_at)) await credentialsRepository.touchSession(db, tokenHash);
  request.actor = actorFromPrincipal(principal, context);
  request.sessionTokenHash = tokenHash;
  request.locale = request.actor.locale;
}

const isDue = (lastSeen: string | Date | null): boolean =>
  Date.now() - (lastSeen ? new Date(lastSeen).getTime() : 0) > TOUCH_INTERVAL_MS;

/** security C4: a cross-site form cannot send JSON or custom headers without a CORS preflight. */
function checkCsrf(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method) || request.sessionTokenHash === null) return;
  const contentType = request.headers['content-type'] ?? '';
  if (contentType.startsWith('application/json') || request.headers['x-requested-with']) return;
  throw new AppError('forbidden', 'error.csrf');
}

function checkPermission(request: FastifyRequest, permission: RoutePermission): void {
  if (permission === 'authenticated' || permission === 'public') return;
  if (!request.actor?.permissions.has(permission)) throw new AppError('forbidden', 'error.forbidden');
}
