import { IdParams } from './common.js';
import { endpoint, errorResponses } from './endpoint.js';
import {
  CustomerRelationship,
  DeclineDecisionBody,
  DeclineDecisionResult,
  RelationshipSettingsBody,
  RelationshipSummary,
  RelationshipSummaryQuery,
} from './relationship.js';

const tags = ['relationship'];

/** Relationship phases (seed 003) and the decisions on declining customers. */
export const relationshipEndpoints = {
  summary: endpoint({
    method: 'GET',
    path: '/relationship/summary',
    permission: 'lifecycle.view',
    summary: 'Customers per relationship phase, and the decline decisions (win back, won back, let go) of a period',
    operationId: 'getRelationshipSummary',
    tags,
    query: RelationshipSummaryQuery,
    responses: { 200: RelationshipSummary },
    errors: errorResponses(400, 403),
  }),
  get: endpoint({
    method: 'GET',
    path: '/customers/:id/relationship',
    permission: 'customers.view',
    summary: "A customer's relationship phase with its reason, and the decisions taken on its declines",
    operationId: 'getCustomerRelationship',
    tags,
    params: IdParams,
    responses: { 200: CustomerRelationship },
    errors: errorResponses(403, 404),
  }),
  putSettings: endpoint({
    method: 'PUT',
    path: '/customers/:id/relationship',
    permission: 'customers.edit',
    summary: "Set the customer's expected repurchase interval; the phase is computed again at once",
    operationId: 'putCustomerRelationshipSettings',
    tags,
    params: IdParams,
    body: RelationshipSettingsBody,
    responses: { 200: CustomerRelationship },
    errors: errorResponses(400, 403, 404),
  }),
  decide: endpoint({
    method: 'POST',
    path: '/customers/:id/decline-decisions',
    permission: 'lifecycle.move',
    summary: 'Decide on a declining customer: win back (tasks and a check date) or let go (to lost or the pool)',
    operationId: 'decideCustomerDecline',
    tags,
    params: IdParams,
    body: DeclineDecisionBody,
    responses: { 201: DeclineDecisionResult },
    errors: errorResponses(400, 403, 404, 409),
  }),
};
