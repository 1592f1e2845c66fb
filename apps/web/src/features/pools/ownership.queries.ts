import type {
  AssignCustomerBody,
  CustomerOwnership,
  OwnershipEventPage,
  ReturnCustomerBody,
  TransferCustomerBody,
} from '@guanxi/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';
import { customerKeys } from '../customers';

export const ownershipKeys = {
  all: ['ownership'] as const,
  detail: (customerId: string) => ['ownership', 'detail', customerId] as const,
  events: (customerId: string) => ['ownership', 'events', customerId] as const,
};

export function useOwnership(customerId: string) {
  return useQuery({
    queryKey: ownershipKeys.detail(customerId),
    queryFn: () => api.get<CustomerOwnership>(`/customers/${customerId}/ownership`),
    retry: false,
  });
}

export function useOwnershipEvents(customerId: string) {
  return useQuery({
    queryKey: ownershipKeys.events(customerId),
    queryFn: () => api.get<OwnershipEventPage>(`/customers/${customerId}/ownership-events`, { limit: 100 }),
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
  const base = `/customers/${customerId}`;
  switch (action.kind) {
    case 'claim':
      return api.post(`${base}/claim`);
    case 'lock':
    case 'unlock':
      return api.post(`${base}/${action.kind}`);
    default:
      return api.post(`${base}/${action.kind}`, action.body);
  }
}

/** Every ownership change also changes the customer (owner) and the pools' lists. */
export function useOwnershipAction(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: OwnershipAction) => send(customerId, action),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ownershipKeys.all }),
        queryClient.invalidateQueries({ queryKey: customerKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['pools'] }),
      ]),
  });
}
