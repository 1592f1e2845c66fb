import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Counts toward the caller's search budget (security E): `always`, or `withQuery` when the
     * request carries a search term `q` (a list without one is a plain page).
     */
    searchRateLimited?: 'always' | 'withQuery';
  }
}

const isSearch = (request: FastifyRequest): boolean => {
  const mode = request.routeOptions.config.searchRateLimited;
  if (mode === 'always') return true;
  if (mode !== 'withQuery') return false;
  const query = request.query as Record<string, unknown> | undefined;
  return typeof query?.q === 'string' && query.q !== '';
};

/**
 * Per-user limit on searches (security E: 429, not 500). A person typing into the search box
 * stays far below it; a script walking the customer base by search terms does not. Counted after
 * authentication (preHandler) so the key is the user, not a shared office IP. 0 turns it off
 * (the bench's load runs). Per process, like the login throttle: several servers behind a load
 * balancer each allow the budget.
 */
export async function registerSearchRateLimit(app: FastifyInstance, perMinute: number): Promise<void> {
  if (perMinute === 0) return;
  await app.register(fastifyRateLimit, {
    global: true,
    hook: 'preHandler',
    max: perMinute,
    timeWindow: 60_000,
    allowList: (request) => !isSearch(request),
    keyGenerator: (request) =>
      request.actor ? `user:${request.actor.orgId}:${request.actor.userId}` : `ip:${request.ip}`,
  });
}
