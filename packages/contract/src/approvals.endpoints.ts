import {
  ApprovalFlow,
  ApprovalFlowList,
  ApprovalFlowParams,
  ApprovalListQuery,
  ApprovalRequestDetail,
  ApprovalRequestList,
  ApproveApprovalBody,
  RejectApprovalBody,
  UpdateApprovalFlowBody,
} from './approvals.js';
import { ApprovalContext, BatchApproveBody, BatchApproveResult } from './approval-context.js';
import { IdParams } from './common.js';
import { endpoint } from './endpoint.js';

const tags = ['approvals'];

/**
 * Approval flows (settings) and approval requests (inbox, decisions). Deciding needs only
 * `approvals.view`: the engine checks that the caller is the current step's approver.
 */
export const approvalsEndpoints = {
  listFlows: endpoint({
    method: 'GET',
    path: '/approval-flows',
    permission: 'approvals.view',
    summary: 'List the approval flows, one per business type',
    operationId: 'listApprovalFlows',
    tags,
    responses: { 200: ApprovalFlowList },
  }),
  updateFlow: endpoint({
    method: 'PUT',
    path: '/approval-flows/:businessType',
    permission: 'approvals.manage',
    summary: 'Replace the approval flow of a business type',
    operationId: 'putApprovalFlow',
    tags,
    params: ApprovalFlowParams,
    body: UpdateApprovalFlowBody,
    responses: { 200: ApprovalFlow },
  }),
  list: endpoint({
    method: 'GET',
    path: '/approvals',
    permission: 'approvals.view',
    summary: 'List approval requests by box: to do, submitted, decided or all',
    operationId: 'listApprovals',
    tags,
    query: ApprovalListQuery,
    responses: { 200: ApprovalRequestList },
  }),
  get: endpoint({
    method: 'GET',
    path: '/approvals/:id',
    permission: 'approvals.view',
    summary: 'Get an approval request with its steps',
    operationId: 'getApproval',
    tags,
    params: IdParams,
    responses: { 200: ApprovalRequestDetail },
  }),
  context: endpoint({
    method: 'GET',
    path: '/approvals/:id/context',
    permission: 'approvals.view',
    summary: 'Get the facts a decider needs for a request (order lines, credit, receipts, history)',
    operationId: 'getApprovalContext',
    tags,
    params: IdParams,
    responses: { 200: ApprovalContext },
  }),
  batchApprove: endpoint({
    method: 'POST',
    path: '/approvals/batch-approve',
    permission: 'approvals.view',
    summary: 'Approve several requests at once, reporting each one',
    operationId: 'batchApproveApprovals',
    tags,
    body: BatchApproveBody,
    responses: { 200: BatchApproveResult },
  }),
  approve: endpoint({
    method: 'POST',
    path: '/approvals/:id/approve',
    permission: 'approvals.view',
    summary: 'Approve the current step of a request',
    operationId: 'approveApproval',
    tags,
    params: IdParams,
    body: ApproveApprovalBody,
    responses: { 200: ApprovalRequestDetail },
  }),
  reject: endpoint({
    method: 'POST',
    path: '/approvals/:id/reject',
    permission: 'approvals.view',
    summary: 'Reject a request with a comment',
    operationId: 'rejectApproval',
    tags,
    params: IdParams,
    body: RejectApprovalBody,
    responses: { 200: ApprovalRequestDetail },
  }),
  withdraw: endpoint({
    method: 'POST',
    path: '/approvals/:id/withdraw',
    permission: 'approvals.view',
    summary: 'Withdraw a request the caller submitted',
    operationId: 'withdrawApproval',
    tags,
    params: IdParams,
    responses: { 200: ApprovalRequestDetail },
  }),
} as const;
