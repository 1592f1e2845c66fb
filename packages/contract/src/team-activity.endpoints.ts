import { endpoint, errorResponses } from './endpoint.js';
import { NeglectedCustomers, TeamActivity, TeamActivityQuery } from './follow-ups.js';
import { reportExportEndpointOf } from './report-export.js';

const errors = errorResponses(400, 403);

const activityEndpoint = endpoint({
  method: 'GET',
  path: '/team-activity',
  permission: 'team.view',
  summary: 'Team activity: follow-ups, visits and tasks per member',
  operationId: 'getTeamActivity',
  tags: ['team-activity'],
  query: TeamActivityQuery,
  responses: { 200: TeamActivity },
  errors,
});

const neglectedEndpoint = endpoint({
  method: 'GET',
  path: '/team-activity/neglected',
  permission: 'team.view',
  summary: 'Team customers without a follow-up for too long',
  operationId: 'getNeglectedCustomers',
  tags: ['team-activity'],
  responses: { 200: NeglectedCustomers },
  errors,
});

export const teamActivityEndpoints = {
  get: activityEndpoint,
  export: reportExportEndpointOf(activityEndpoint, {
    permission: 'team.export',
    summary: 'Export the team activity per member and period to Excel or CSV',
    operationId: 'exportTeamActivity',
  }),
  neglected: neglectedEndpoint,
  exportNeglected: reportExportEndpointOf(neglectedEndpoint, {
    permission: 'team.export',
    summary: 'Export the neglected customers per owner to Excel or CSV',
    operationId: 'exportNeglectedCustomers',
  }),
} as const;
