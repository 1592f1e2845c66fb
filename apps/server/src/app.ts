import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { PHONE_FORMATS } from '@guanxi/contract';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { Config } from './platform/config/config.js';
import type { Database } from './platform/db/client.js';
import { newId } from './platform/db/ids.js';
import { registerAuthentication } from './platform/http/authenticate.js';
import { registerGracefulShutdown } from './platform/http/graceful-shutdown.js';
import { answerBadUrl, registerErrorHandling } from './platform/http/error-handler.js';
import { registerSearchRateLimit } from './platform/http/search-rate-limit.js';
import { registerResponseHeaders } from './platform/http/response-headers.js';
import { fastifyTrustProxy } from './platform/config/trust-proxy.js';
import { registerInputChecks } from './platform/http/input-checks.js';
import { documentUploadForms } from './platform/http/endpoint-route.js';
import { registerWebApp } from './platform/http/web-app.js';
import { createListExports } from './platform/export/index.js';
import { LoginThrottle } from './platform/auth/login-throttle.js';
import type { JobRegistry } from './platform/jobs/job-registry.js';
import { createDomainEventBus, createJobCatalog, serverModules } from './modules/registry.js';
import type { ModuleContext } from './platform/module-kit/module-definition.js';
import { VERSION } from './version.js';

export interface AppDependencies {
  config: Config;
  database: Database;
  /** Tests pass their own to control time. */
  loginThrottle?: LoginThrottle;
  logger?: boolean | object;
  /** The durable jobs "run now" may start; the server process passes the catalog its runner polls. */
  jobs?: JobRegistry;
  /** Sees every route as registered; the route-inventory test (security A7) lists them with it. */
  onRoute?: (route: RouteOptions) => void;
}

export const API_PREFIX = '/api/v1';

/** Builds the HTTP application: platform hooks first, then every module's routes, then the web app. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : newId();
    },
    bodyLimit: 1024 * 1024,
    // request.ip and request.protocol come from X-Forwarded-* only when sent by a trusted proxy.
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // A request still being received after this is answered 408 by Node; one the server is still
    // working on, 503 JSON through the error handler (FST_ERR_HANDLER_TIMEOUT).
    requestTimeout: config.requestTimeoutMs,
    handlerTimeout: config.requestTimeoutMs,
    // Requests arriving during a shutdown get the one error shape with Retry-After (graceful-shutdown.ts).
    return503OnClosing: false,
    frameworkErrors: answerBadUrl,
    ajv: {
      customOptions: {
        removeAdditional: false,
        coerceTypes: 'array',
        allErrors: true,
        useDefaults: true,
        // The contract's PhoneText / MobileText: one phone rule for the server and the web forms.
        formats: PHONE_FORMATS,
      },
    },
  });

  // security A7: a route under /api without a declared permission does not start.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) {
      route.config = { ...(route.config ?? {}), permission: 'public' };
    } else if (route.url.startsWith('/api') && route.config?.permission === undefined) {
      throw new Error(`Route ${route.method} ${route.url} declares no permission`);
    }
    deps.onRoute?.(route);
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', String(request.id));
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
  });
  registerResponseHeaders(app);

  await app.register(fastifyCookie);
  // Uploads are read as streams by the routes that take them (platform/uploads): one file per
  // request, never past the configured size, a few small text fields beside it.
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 21 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Guanxi CRM API', version: VERSION },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'guanxi_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: documentUploadForms,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerErrorHandling(app);
  // First onRequest hook: a shutting-down server refuses before authentication touches the database.
  registerGracefulShutdown(app);
  registerAuthentication(app, database.db, config);
  registerInputChecks(app);
  await registerSearchRateLimit(app, config.searchRateLimitPerMinute);

  const loginThrottle = deps.loginThrottle ?? new LoginThrottle();
  // One bus per app: modules publish domain events, subscribers (lifecycle rules, approval
  // adapters) react in the same transaction.
  const events = createDomainEventBus();
  const context: ModuleContext = {
    database,
    db: database.db,
    events,
    config,
    dataDir: config.dataDir,
    loginThrottle,
    jobs: deps.jobs ?? createJobCatalog(),
    listExports: createListExports({
      db: database.db,
      dataDir: config.dataDir,
      perMinute: config.exportRateLimitPerMinute,
      inlineMaxRows: config.exportInlineMaxRows,
      fileDays: config.exportFileDays,
      onError: (error) => app.log.error({ err: error }, 'background export failed'),
    }),
  };
  // Background list exports are written by a durable worker that runs while the app does.
  const exportWorker = context.listExports.worker;
  app.addHook('onReady', async () => exportWorker.start());
  app.addHook('onClose', async () => exportWorker.stop());
  await app.register(
    async (api) => {
      for (const module of serverModules) if (module.routes) await api.register(module.routes(context));
      await api.register(context.listExports.routes);
      api.get('/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: API_PREFIX },
  );

  await registerWebApp(app, config.webDistDir);

  return app;
}
