import {
  ApprovalFlow,
  ApprovalFlowList,
  ApprovalFlowParams,
  ApprovalListQuery,
  ApprovalRequestDetail,
  ApprovalRequestList,
  ApproveApprovalBody,
  ErrorBody,
  IdParams,
  RejectApprovalBody,
  UpdateApprovalFlowBody,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createApprovalsService } from './approvals.service.js';

const tags = ['approvals'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

/** Approval flows (settings) and approval requests (inbox, decisions). */
export const approvalsRoutes =
  ({ db, events }: { db: Db; events: EventBus }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const approvals = createApprovalsService({ db, events });

    app.get(
      '/approval-flows',
      { config: { permission: 'approvals.view' }, schema: { tags, response: { 200: ApprovalFlowList, ...errors } } },
      async (request) => approvals.listFlows(actorOf(request)),
    );

    app.put(
      '/approval-flows/:businessType',
      {
        config: { permission: 'approvals.manage' },
        schema: {
          tags,
          params: ApprovalFlowParams,
          body: UpdateApprovalFlowBody,
          response: { 200: ApprovalFlow, ...errors },
        },
      },
      async (request) => approvals.updateFlow(actorOf(request), request.params.businessType, request.body),
    );

    app.get(
      '/approvals',
      {
        config: { permission: 'approvals.view' },
        schema: { tags, querystring: ApprovalListQuery, response: { 200: ApprovalRequestList, ...errors } },
      },
      async (request) => approvals.list(actorOf(request), request.query),
    );

    app.get(
      '/approvals/:id',
      {
        config: { permission: 'approvals.view' },
        schema: { tags, params: IdParams, response: { 200: ApprovalRequestDetail, ...errors } },
      },
      async (request) => approvals.get(actorOf(request), request.params.id),
    );

    app.post(
      '/approvals/:id/approve',
      {
        config: { permission: 'approvals.view' },
        schema: {
          tags,
          params: IdParams,
          body: ApproveApprovalBody,
          response: { 200: ApprovalRequestDetail, ...errors },
        },
      },
      async (request) => approvals.approve(actorOf(request), request.params.id, request.body?.comment ?? null),
    );

    app.post(
      '/approvals/:id/reject',
      {
        config: { permission: 'approvals.view' },
        schema: {
          tags,
          params: IdParams,
          body: RejectApprovalBody,
          response: { 200: ApprovalRequestDetail, ...errors },
        },
      },
      async (request) => approvals.reject(actorOf(request), request.params.id, request.body.comment),
    );

    app.post(
      '/approvals/:id/withdraw',
      {
        config: { permission: 'approvals.view' },
        schema: { tags, params: IdParams, response: { 200: ApprovalRequestDetail, ...errors } },
      },
      async (request) => approvals.withdraw(actorOf(request), request.params.id),
    );
  };
