import {
  endpoints,
  type DeclineDecisionBody,
  type RelationshipSettingsBody,
  type RelationshipSummaryQuery,
} from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery } from '../../platform/endpointQueries';
import { customerKeys } from '../customers';

export const relationshipKeys = {
  all: ['relationship'] as const,
  customer: (customerId: string) => ['relationship', 'customer', customerId] as const,
  summary: (query: RelationshipSummaryQuery) => ['relationship', 'summary', query] as const,
};

export const useCustomerRelationship = (customerId: string) =>
  useEndpointQuery(endpoints.relationship.get, {
    queryKey: relationshipKeys.customer(customerId),
    params: { id: customerId },
  });

export const useRelationshipSummary = (query: RelationshipSummaryQuery = {}) =>
  useEndpointQuery(endpoints.relationship.summary, { queryKey: relationshipKeys.summary(query), query });

// A decision may move the customer (lost, pool) and adds tasks and closes to-dos: refresh all of it.
const useRelationshipMutation = invalidatingMutation([
  relationshipKeys.all,
  customerKeys.all,
  ['lifecycle'],
  ['tasks'],
  ['todos'],
]);

export const useSetRepurchaseInterval = (customerId: string) =>
  useRelationshipMutation((body: RelationshipSettingsBody) =>
    client(endpoints.relationship.putSettings, { params: { id: customerId }, body }),
  );

export const useDecideDecline = (customerId: string) =>
  useRelationshipMutation((body: DeclineDecisionBody) =>
    client(endpoints.relationship.decide, { params: { id: customerId }, body }),
  );
