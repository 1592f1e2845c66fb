import { endpoint, errorResponses } from './endpoint.js';
import { QuickSearchQuery, QuickSearchResult } from './search.js';

export const searchEndpoints = {
  quick: endpoint({
    method: 'GET',
    path: '/search',
    permission: 'customers.view',
    summary: 'Quick search over customers, contacts and leads, grouped by record type',
    operationId: 'quickSearch',
    tags: ['search'],
    query: QuickSearchQuery,
    responses: { 200: QuickSearchResult },
    errors: errorResponses(400),
  }),
} as const;
