import { IdParams } from './common.js';
import { endpoint } from './endpoint.js';
import { HandoverBody, HandoverCandidateList, HandoverResult, HandoverSummary } from './handover.js';

export const handoverEndpoints = {
  candidates: endpoint({
    method: 'GET',
    path: '/users/handover-candidates',
    permission: 'users.handover',
    summary: 'Users the caller may hand over (those their data scope covers, not themselves)',
    operationId: 'listHandoverCandidates',
    tags: ['users'],
    responses: { 200: HandoverCandidateList },
  }),
  summary: endpoint({
    method: 'GET',
    path: '/users/:id/handover',
    permission: 'users.handover',
    summary:
      'What a leaving user still holds: customers, leads, open opportunities, open orders, open tasks, pending approvals',
    operationId: 'getUserHandover',
    tags: ['users'],
    params: IdParams,
    responses: { 200: HandoverSummary },
  }),
  run: endpoint({
    method: 'POST',
    path: '/users/:id/handover',
    permission: 'users.handover',
    summary:
      'Hand everything a leaving user holds to colleagues or the pool, then deactivate the user (all or nothing)',
    operationId: 'handOverUser',
    tags: ['users'],
    params: IdParams,
    body: HandoverBody,
    responses: { 200: HandoverResult },
  }),
} as const;
