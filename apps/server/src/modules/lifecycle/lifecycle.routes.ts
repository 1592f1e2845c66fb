import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { reportRows, type ListExports } from '../../platform/export/index.js';
import { BOARD_EXPORT_COLUMNS, boardExportRows } from './board.export.js';
import { createLifecycleBoardService } from './board.service.js';
import { createLifecycleSettingsService } from './settings.service.js';

/** Lifecycle settings (stages, approval rules) and the lifecycle board. */
export const lifecycleSettingsRoutes =
  ({ db, listExports }: { db: Db; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const settings = createLifecycleSettingsService({ db });
    const board = createLifecycleBoardService({ db });
    const { lifecycle: api } = endpoints;

    registerEndpoint(app, api.listStages, async (request) => settings.listStages(actorOf(request)));
    registerEndpoint(app, api.putStages, async (request) =>
      settings.updateStages(actorOf(request), request.body.items),
    );
    registerEndpoint(app, api.listApprovalRules, async (request) => settings.listApprovalRules(actorOf(request)));
    registerEndpoint(app, api.putApprovalRules, async (request) =>
      settings.updateApprovalRules(actorOf(request), request.body.items),
    );
    registerEndpoint(app, api.getRuleSettings, async (request) => settings.getRuleSettings(actorOf(request)));
    registerEndpoint(app, api.putRuleSettings, async (request) =>
      settings.updateRuleSettings(actorOf(request), request.body),
    );
    registerEndpoint(app, api.board, async (request) => board.get(actorOf(request), request.query));
    registerEndpoint(app, api.currentStays, async (request) => board.currentStays(actorOf(request)));
    listExports.register(app, {
      endpoint: api.exportBoard,
      list: reportRows(async (actor, query) => {
        const [stages, current] = await Promise.all([board.get(actor, query), board.currentStays(actor)]);
        return boardExportRows(stages, current);
      }),
      columns: BOARD_EXPORT_COLUMNS,
      title: 'export.lifecycleBoard',
      entity: 'customer',
    });
  };
