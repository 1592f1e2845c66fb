import { Health, Readiness } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createHealthService, type HealthServiceOptions } from './health.service.js';

/** Public probes: monitors read `/health`, load balancers and orchestrators `/health/ready`. */
export const healthRoutes =
  (options: HealthServiceOptions): FastifyPluginAsyncTypebox =>
  async (app) => {
    const service = createHealthService(options);
    app.get(
      '/health',
      { config: { permission: 'public' }, schema: { tags: ['platform'], response: { 200: Health, 503: Health } } },
      async (_request, reply) => {
        const health = await service.getHealth();
        return reply.status(health.status === 'ok' ? 200 : 503).send(health);
      },
    );
    app.get(
      '/health/ready',
      {
        config: { permission: 'public' },
        schema: { tags: ['platform'], response: { 200: Readiness, 503: Readiness } },
      },
      async (_request, reply) => {
        const readiness = await service.getReadiness();
        return reply.status(readiness.ready ? 200 : 503).send(readiness);
      },
    );
  };
