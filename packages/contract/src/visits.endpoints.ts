import { endpoint, errorResponses } from './endpoint.js';
import { CreateVisitBody, Visit, VisitList, VisitListQuery, VisitWeekly, VisitWeeklyQuery } from './follow-ups.js';

const errors = errorResponses(400, 403, 404, 422);

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
  list: endpoint({
    method: 'GET',
    path: '/visits',
    permission: 'visits.view',
    summary: 'List visits',
    operationId: 'listVisits',
    tags: ['visits'],
    query: VisitListQuery,
    responses: { 200: VisitList },
    errors,
  }),
  weekly: endpoint({
    method: 'GET',
    path: '/visits/weekly',
    permission: 'visits.view',
    summary: 'Weekly visit counts per representative',
    operationId: 'getWeeklyVisits',
    tags: ['visits'],
    query: VisitWeeklyQuery,
    responses: { 200: VisitWeekly },
    errors,
  }),
} as const;
