import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import type { ListExports } from '../../platform/export/index.js';
import { WORK_PLAN_EXPORT_COLUMNS } from './work-plans.export.js';
import { createWorkPlansService } from './work-plans.service.js';
import { createPlanStatsService } from './work-plans.stats.js';

export const workPlansRoutes =
  ({ db, listExports }: { db: Db; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { workPlans: api } = endpoints;
    const plans = createWorkPlansService({ db });

    registerServiceEndpoints(app, api, plans, ['list', 'create', 'get', 'update']);
    listExports.register(app, {
      endpoint: api.export,
      list: (actor, query) => plans.list(actor, query),
      columns: WORK_PLAN_EXPORT_COLUMNS,
      title: 'export.workPlans',
      entity: 'work_plan',
    });
    const planStats = createPlanStatsService({ db });
    registerEndpoint(app, api.stats, async (request) => planStats.stats(actorOf(request), request.query));
    registerEndpoint(app, api.submit, async (request) =>
      plans.submit(actorOf(request), request.params.id, request.body.version),
    );
    registerEndpoint(app, api.review, async (request) =>
      plans.review(actorOf(request), request.params.id, request.body),
    );
  };
