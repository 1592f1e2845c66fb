import { DuplicateQuery, DuplicateResult } from './duplicates.js';
import { endpoint, errorResponses } from './endpoint.js';

export const duplicatesEndpoints = {
  find: endpoint({
    method: 'GET',
    path: '/duplicates',
    permission: 'customers.view',
    summary: 'Find records matching a phone, email, credit code or similar name',
    operationId: 'findDuplicates',
    tags: ['duplicates'],
    query: DuplicateQuery,
    responses: { 200: DuplicateResult },
    errors: errorResponses(400),
  }),
} as const;
