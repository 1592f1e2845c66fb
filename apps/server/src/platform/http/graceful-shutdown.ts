import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { localeFromHeader } from '../i18n/translate.js';
import { RETRY_AFTER_SECONDS } from './error-handler.js';

export interface GracefulShutdown {
  /** True from the start of a shutdown (SIGTERM, or `app.close()`) on. */
  isDraining(): boolean;
  /**
   * Refuses new requests with 503 and `Retry-After` while the ones in flight finish; resolves when
   * none is left or after `graceMs`. The server keeps listening meanwhile, so requests that reach it
   * now — on a new connection or a kept-alive one — get an answer instead of a reset connection.
   */
  drain(graceMs: number): Promise<void>;
  /**
   * Resolves as soon as no request is in flight, or after `maxWaitMs` at the latest: background
   * work on PGlite (one query at a time) waits here so that users' requests go first.
   */
  whenQuiet(maxWaitMs: number): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** See GracefulShutdown.drain; `startServer` calls it on SIGTERM before `close()`. */
    drain(graceMs: number): Promise<void>;
    /** See GracefulShutdown.whenQuiet; the PGlite import worker waits on it between batches. */
    whenQuiet(maxWaitMs: number): Promise<void>;
  }
}

/** Registers the hooks that let a shutdown drain requests; call before any other `onRequest` hook. */
export function registerGracefulShutdown(app: FastifyInstance): GracefulShutdown {
  let draining = false;
  let inFlight = 0;
  let onIdle: (() => void) | null = null;
  let quietWaiters: (() => void)[] = [];
  const counted = new WeakSet<FastifyRequest>();

  app.addHook('onRequest', async (request, reply) => {
    if (draining) {
      request.locale = localeFromHeader(request.headers['accept-language']);
      reply.header('Connection', 'close');
      throw new AppError('unavailable', 'error.shuttingDown', { retryAfterSeconds: RETRY_AFTER_SECONDS });
    }
    inFlight += 1;
    counted.add(request);
  });
  // A request ends with its response or with the client going away; the set makes sure it is
  // counted out once, whichever hook comes (Fastify hooks rather than a 'close' listener on the raw
  // response, which pushed busy responses past Node's listener warning).
  const finished = async (request: FastifyRequest) => {
    if (!counted.delete(request)) return;
    inFlight -= 1;
    if (inFlight === 0) {
      onIdle?.();
      const waiters = quietWaiters;
      quietWaiters = [];
      for (const wake of waiters) wake();
    }
  };
  app.addHook('onResponse', finished);
  app.addHook('onRequestAbort', finished);
  // Answers given while draining end their connection, so no kept-alive socket is left to be cut.
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('Connection', 'close');
  });
  app.addHook('preClose', async () => {
    draining = true;
  });

  const shutdown: GracefulShutdown = {
    isDraining: () => draining,
    async drain(graceMs) {
      draining = true;
      if (inFlight === 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        onIdle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    },
    whenQuiet(maxWaitMs) {
      if (inFlight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          quietWaiters = quietWaiters.filter((waiter) => waiter !== wake);
          resolve();
        }, maxWaitMs);
        quietWaiters.push(wake);
      });
    },
  };
  app.decorate('drain', shutdown.drain);
  app.decorate('whenQuiet', shutdown.whenQuiet);
  return shutdown;
}
