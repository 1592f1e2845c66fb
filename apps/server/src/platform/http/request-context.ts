import type { Locale, Permission } from '@guanxi/contract';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors/app-error.js';

/**
 * Every route declares who may call it (security A7): `public` (no sign-in), `authenticated`
 * (any signed-in user) or one action permission.
 */
export type RoutePermission = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** Hash of the session cookie when the caller signed in with one. */
    sessionTokenHash: string | null;
    locale: Locale;
  }
}

/** The signed-in caller; routes that are not public always have one after authentication. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'error.unauthenticated');
  return request.actor;
}
