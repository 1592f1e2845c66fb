import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { reportRows, type ListExports } from '../../platform/export/index.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import {
  ACTIVITY_EXPORT_COLUMNS,
  activityRows,
  NEGLECTED_EXPORT_COLUMNS,
  neglectedRows,
} from './team-activity.export.js';
import { createTeamActivityService } from './team-activity.service.js';

export const teamActivityRoutes =
  ({ db, listExports }: { db: Db; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { teamActivity: api } = endpoints;
    const team = createTeamActivityService({ db });
    registerEndpoint(app, api.get, async (request) => team.activity(actorOf(request), request.query));
    registerEndpoint(app, api.neglected, async (request) => team.neglected(actorOf(request)));
    listExports.register(app, {
      endpoint: api.export,
      list: reportRows(async (actor, query) => activityRows(await team.activity(actor, query))),
      columns: ACTIVITY_EXPORT_COLUMNS,
      title: 'export.teamActivity',
      entity: 'user',
    });
    listExports.register(app, {
      endpoint: api.exportNeglected,
      list: reportRows(async (actor) => neglectedRows(await team.neglected(actor))),
      columns: NEGLECTED_EXPORT_COLUMNS,
      title: 'export.neglectedCustomers',
      entity: 'customer',
    });
  };
