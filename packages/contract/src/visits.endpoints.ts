import { endpoint, errorResponses } from './endpoint.js';
import { CreateVisitBody, Visit, VisitList, VisitListQuery, VisitWeekly, VisitWeeklyQuery } from './follow-ups.js';
import { reportExportEndpointOf } from './report-export.js';

const errors = errorResponses(400, 403, 404, 422);

const listEndpoint = endpoint({
  method: 'GET',
  path: '/visits',
  permission: 'visits.view',
  summary: 'List visits',
  operationId: 'listVisits',
  tags: ['visits'],
  query: VisitListQuery,
  responses: { 200: VisitList },
  errors,
});

const weeklyEndpoint = endpoint({
  method: 'GET',
  path: '/visits/weekly',
  permission: 'visits.view',
  summary: 'Weekly visit counts per representative',
  operationId: 'getWeeklyVisits',
  tags: ['visits'],
  query: VisitWeeklyQuery,
  responses: { 200: VisitWeekly },
  errors,
});

export const visitsEndpoints = {
  checkIn: endpoint({
    method: 'POST',
    path: '/visits',
    permission: 'visits.create',
    summary: 'Check in a customer visit (with location)',
    operationId: 'checkInVisit',
    tags: ['visits'],
    body: CreateVisitBody,
    responses: { 201: Visit },
    errors,
  }),
  list: listEndpoint,
  export: reportExportEndpointOf(listEndpoint, {
    permission: 'visits.export',
    summary: 'Export the visit list (same filters) to Excel or CSV',
    operationId: 'exportVisits',
  }),
  weekly: weeklyEndpoint,
} as const;
