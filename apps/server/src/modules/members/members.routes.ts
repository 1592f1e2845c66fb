import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { createMemberLevelsService } from './members.levels.js';
import { createMemberReportsService } from './members.reports.js';
import { createMembersService } from './members.service.js';

export const membersRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { members: api } = endpoints;
    registerServiceEndpoints(app, api, createMembersService({ db }), [
      'list',
      'create',
      'get',
      'update',
      'ledger',
      'redeem',
      'adjust',
      'levelHistory',
      'ofCustomer',
    ]);
    registerServiceEndpoints(app, api, createMemberReportsService({ db }), ['analytics', 'celebrations', 'value']);
    registerServiceEndpoints(app, api, createMemberLevelsService({ db }), [
      'levels',
      'createLevel',
      'updateLevel',
      'settings',
      'updateSettings',
    ]);
  };
