import {
  LifecycleRuleSettings,
  ApprovalRuleList,
  ErrorBody,
  LifecycleBoard,
  LifecycleBoardQuery,
  LifecycleStageList,
  UpdateApprovalRulesBody,
  UpdateLifecycleStagesBody,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createLifecycleBoardService } from './board.service.js';
import { createLifecycleSettingsService } from './settings.service.js';

const tags = ['lifecycle'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** Lifecycle settings (stages, approval rules) and the lifecycle board. */
export const lifecycleSettingsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const settings = createLifecycleSettingsService({ db });
    const board = createLifecycleBoardService({ db });

    app.get(
      '/lifecycle/stages',
      { config: { permission: 'lifecycle.view' }, schema: { tags, response: { 200: LifecycleStageList, ...errors } } },
      async (request) => settings.listStages(actorOf(request)),
    );

    app.put(
      '/lifecycle/stages',
      {
        config: { permission: 'lifecycle.manage' },
        schema: { tags, body: UpdateLifecycleStagesBody, response: { 200: LifecycleStageList, ...errors } },
      },
      async (request) => settings.updateStages(actorOf(request), request.body.items),
    );

    app.get(
      '/lifecycle/approval-rules',
      { config: { permission: 'lifecycle.view' }, schema: { tags, response: { 200: ApprovalRuleList, ...errors } } },
      async (request) => settings.listApprovalRules(actorOf(request)),
    );

    app.put(
      '/lifecycle/approval-rules',
      {
        config: { permission: 'lifecycle.manage' },
        schema: { tags, body: UpdateApprovalRulesBody, response: { 200: ApprovalRuleList, ...errors } },
      },
      async (request) => settings.updateApprovalRules(actorOf(request), request.body.items),
    );

    app.get(
      '/lifecycle/rule-settings',
      {
        config: { permission: 'lifecycle.view' },
        schema: { tags, response: { 200: LifecycleRuleSettings, ...errors } },
      },
      async (request) => settings.getRuleSettings(actorOf(request)),
    );

    app.put(
      '/lifecycle/rule-settings',
      {
        config: { permission: 'lifecycle.manage' },
        schema: { tags, body: LifecycleRuleSettings, response: { 200: LifecycleRuleSettings, ...errors } },
      },
      async (request) => settings.updateRuleSettings(actorOf(request), request.body),
    );

    app.get(
      '/lifecycle/board',
      {
        config: { permission: 'lifecycle.view' },
        schema: { tags, querystring: LifecycleBoardQuery, response: { 200: LifecycleBoard, ...errors } },
      },
      async (request) => board.get(actorOf(request), request.query),
    );
  };
