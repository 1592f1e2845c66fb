import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createTeamActivityService } from './team-activity.service.js';

export const teamActivityRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { teamActivity: api } = endpoints;
    const team = createTeamActivityService({ db });
    registerEndpoint(app, api.get, async (request) => team.activity(actorOf(request), request.query));
    registerEndpoint(app, api.neglected, async (request) => team.neglected(actorOf(request)));
  };
