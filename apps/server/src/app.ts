import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
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
import { registerWebApp } from './platform/http/web-app.js';
import { LoginThrottle } from './platform/auth/login-throttle.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { orgRoutes } from './modules/org/index.js';
import { customersRoutes } from './modules/customers/index.js';
import { customerPoolsRoutes } from './modules/pools/index.js';
import { jobsRoutes } from './modules/jobs/index.js';
import { duplicatesRoutes } from './modules/duplicates/index.js';
import { contactsRoutes } from './modules/contacts/index.js';
import { searchRoutes } from './modules/search/index.js';
import { lifecycleRoutes, subscribeLifecycleRules } from './modules/lifecycle/index.js';
import { notificationsRoutes } from './modules/notifications/index.js';
import { leadsRoutes } from './modules/leads/index.js';
import { savedViewsRoutes } from './modules/saved-views/index.js';
import { followUpsRoutes } from './modules/follow-ups/index.js';
import { visitsRoutes } from './modules/visits/index.js';
import { teamActivityRoutes } from './modules/team-activity/index.js';
import { opportunitiesRoutes } from './modules/opportunities/index.js';
import { tasksRoutes } from './modules/tasks/index.js';
import { workReportsRoutes } from './modules/work-reports/index.js';
import { workPlansRoutes } from './modules/work-plans/index.js';
import { todoInboxRoutes } from './modules/todo-inbox/index.js';
import { paymentsRoutes } from './modules/payments/index.js';
import { customerValueRoutes } from './modules/customer-value/index.js';
import { approvalsRoutes } from './modules/approvals/index.js';
import { productsRoutes } from './modules/products/index.js';
import { expensesRoutes, subscribeExpenseApprovals } from './modules/expenses/index.js';
import { stockRoutes } from './modules/stock/index.js';
import { ordersRoutes, subscribeOrderApprovals } from './modules/orders/index.js';
import { createEventBus } from './platform/events/index.js';
import { VERSION } from './version.js';

export interface AppDependencies {
  config: Config;
  database: Database;
  /** Tests pass their own to control time. */
  loginThrottle?: LoginThrottle;
  logger?: boolean | object;
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
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true, useDefaults: true } },
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
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerErrorHandling(app);
  // First onRequest hook: a shutting-down server refuses before authentication touches the database.
  registerGracefulShutdown(app);
  registerAuthentication(app, database.db, config);
  registerInputChecks(app);
  await registerSearchRateLimit(app, config.searchRateLimitPerMinute);

  const loginThrottle = deps.loginThrottle ?? new LoginThrottle();
  // One bus per app: modules publish domain events, the lifecycle rules react in the same transaction.
  const events = createEventBus();
  subscribeLifecycleRules(events);
  subscribeOrderApprovals(events);
  subscribeExpenseApprovals(events);
  await app.register(
    async (api) => {
      await api.register(healthRoutes({ database }));
      await api.register(authRoutes({ db: database.db, config, loginThrottle }));
      await api.register(orgRoutes({ db: database.db }));
      await api.register(customersRoutes({ db: database.db, events }));
      await api.register(lifecycleRoutes({ db: database.db }));
      await api.register(notificationsRoutes({ db: database.db }));
      await api.register(customerPoolsRoutes({ db: database.db }));
      await api.register(jobsRoutes({ db: database.db }));
      await api.register(duplicatesRoutes({ db: database.db }));
      await api.register(contactsRoutes({ db: database.db }));
      await api.register(searchRoutes({ db: database.db }));
      await api.register(leadsRoutes({ db: database.db, events }));
      await api.register(savedViewsRoutes({ db: database.db }));
      await api.register(followUpsRoutes({ db: database.db, dataDir: config.dataDir }));
      await api.register(visitsRoutes({ db: database.db }));
      await api.register(teamActivityRoutes({ db: database.db }));
      await api.register(opportunitiesRoutes({ db: database.db, events }));
      await api.register(tasksRoutes({ db: database.db }));
      await api.register(workReportsRoutes({ db: database.db }));
      await api.register(workPlansRoutes({ db: database.db }));
      await api.register(todoInboxRoutes({ db: database.db }));
      await api.register(paymentsRoutes({ db: database.db }));
      await api.register(customerValueRoutes({ db: database.db }));
      await api.register(approvalsRoutes({ db: database.db, events }));
      await api.register(ordersRoutes({ db: database.db, events }));
      await api.register(productsRoutes({ db: database.db }));
      await api.register(expensesRoutes({ db: database.db, events, dataDir: config.dataDir }));
      await api.register(stockRoutes({ db: database.db }));
      api.get('/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: API_PREFIX },
  );

  await registerWebApp(app, config.webDistDir);

  return app;
}
