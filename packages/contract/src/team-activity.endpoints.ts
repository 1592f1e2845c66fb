import { endpoint, errorResponses } from './endpoint.js';
import { NeglectedCustomers, TeamActivity, TeamActivityQuery } from './follow-ups.js';

const errors = errorResponses(400, 403);

export const teamActivityEndpoints = {
  get: endpoint({
    method: 'GET',
    path: '/team-activity',
    permission: 'team.view',
    summary: 'Team activity: follow-ups, visits and tasks per member',
    operationId: 'getTeamActivity',
    tags: ['team-activity'],
    query: TeamActivityQuery,
    responses: { 200: TeamActivity },
    errors,
  }),
  neglected: endpoint({
    method: 'GET',
    path: '/team-activity/neglected',
    permission: 'team.view',
    summary: 'Team customers without a follow-up for too long',
    operationId: 'getNeglectedCustomers',
    tags: ['team-activity'],
    responses: { 200: NeglectedCustomers },
    errors,
  }),
} as const;
