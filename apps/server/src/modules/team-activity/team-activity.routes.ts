import { ErrorBody, NeglectedCustomers, TeamActivity, TeamActivityQuery } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createTeamActivityService } from './team-activity.service.js';

const tags = ['team-activity'];
const errors = { 400: ErrorBody, 403: ErrorBody };

export const teamActivityRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const team = createTeamActivityService({ db });
    app.get(
      '/team-activity',
      {
        config: { permission: 'team.view' },
        schema: { tags, querystring: TeamActivityQuery, response: { 200: TeamActivity, ...errors } },
      },
      async (request) => team.activity(actorOf(request), request.query),
    );
    app.get(
      '/team-activity/neglected',
      { config: { permission: 'team.view' }, schema: { tags, response: { 200: NeglectedCustomers, ...errors } } },
      async (request) => team.neglected(actorOf(request)),
    );
  };
