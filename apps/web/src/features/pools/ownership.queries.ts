import {
  endpoints,
  type AssignCustomerBody,
  type CustomerOwnership,
  type ReturnCustomerBody,
  type TransferCustomerBody,
} from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery } from '../../platform/endpointQueries';
import { customerKeys } from '../customers';

export const ownershipKeys = {
  all: ['ownership'] as const,
  detail: (customerId: string) => ['ownership', 'detail', customerId] as const,
  events: (customerId: string) => ['ownership', 'events', customerId] as const,
};

export function useOwnership(customerId: string) {
  return useEndpointQuery(endpoints.ownership.get, {
    queryKey: ownershipKeys.detail(customerId),
    params: { id: customerId },
    retry: false,
  });
}

export function useOwnershipEvents(customerId: string) {
  return useEndpointQuery(endpoints.ownership.listEvents, {
    queryKey: ownershipKeys.events(customerId),
    params: { id: customerId },
    query: { limit: 100 },
    retry: false,
  });
}

export type OwnershipAction =
  | { kind: 'claim' }
  | { kind: 'assign'; body: AssignCustomerBody }
  | { kind: 'transfer'; body: TransferCustomerBody }
  | { kind: 'return'; body: ReturnCustomerBody }
  | { kind: 'lock' }
  | { kind: 'unlock' };

function send(customerId: string, action: OwnershipAction): Promise<CustomerOwnership> {
  const params = { id: customerId };
  switch (action.kind) {
    case 'claim':
    case 'lock':
    case 'unlock':
      return client(endpoints.ownership[action.kind], { params });
    case 'assign':
      return client(endpoints.ownership.assign, { params, body: action.body });
    case 'transfer':
      return client(endpoints.ownership.transfer, { params, body: action.body });
    case 'return':
      return client(endpoints.ownership.return, { params, body: action.body });
  }
}

/** Every ownership change also changes the customer (owner) and the pools' lists. */
const useOwnershipMutation = invalidatingMutation([ownershipKeys.all, customerKeys.all, ['pools']]);

export const useOwnershipAction = (customerId: string) =>
  useOwnershipMutation((action: OwnershipAction) => send(customerId, action));
