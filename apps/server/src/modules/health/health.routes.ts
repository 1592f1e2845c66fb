import { Health, Readiness } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createHealthService, type HealthServiceOptions } from './health.service.js';

/**
 * Public probes: monitors read `/health`, load balancers and orchestrators `/health/ready`. They
 * answer 503 with the same body when unhealthy, which the contract's endpoint shape (success and
 * error bodies apart) does not express, so they stay plain routes with their OpenAPI names here.
 */
export const healthRoutes =
  (options: HealthServiceOptions): FastifyPluginAsyncTypebox =>
  async (app) => {
    const service = createHealthService(options);
    app.get(
      '/health',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Health of the server and its database (503 when unhealthy)',
          operationId: 'getHealth',
          tags: ['platform'],
          response: { 200: Health, 503: Health },
        },
      },
      async (_request, reply) => {
        const health = await service.getHealth();
        return reply.status(health.status === 'ok' ? 200 : 503).send(health);
      },
    );
    app.get(
      '/health/ready',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Readiness to take traffic: database reachable, migrations applied (503 otherwise)',
          operationId: 'getReadiness',
          tags: ['platform'],
          response: { 200: Readiness, 503: Readiness },
        },
      },
      async (_request, reply) => {
        const readiness = await service.getReadiness();
        return reply.status(readiness.ready ? 200 : 503).send(readiness);
      },
    );
  };
