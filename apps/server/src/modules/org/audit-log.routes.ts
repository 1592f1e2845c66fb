import { AuditLogQuery, AuditPage, ErrorBody } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createAuditLogService } from './audit-log.service.js';

const tags = ['audit'];

export const auditLogRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const auditLog = createAuditLogService({ db });

    app.get(
      '/audit-log',
      {
        config: { permission: 'audit.view' },
        schema: { tags, querystring: AuditLogQuery, response: { 200: AuditPage, 400: ErrorBody, 403: ErrorBody } },
      },
      async (request) => auditLog.list(actorOf(request), request.query),
    );
  };
