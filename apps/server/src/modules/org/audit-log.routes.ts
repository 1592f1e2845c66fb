import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createAuditLogService } from './audit-log.service.js';

export const auditLogRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { auditLog: api } = endpoints;
    const auditLog = createAuditLogService({ db });

    registerEndpoint(app, api.list, async (request) => auditLog.list(actorOf(request), request.query));
  };
