import { endpoints, type CreateCustomerPoolBody, type UpdateCustomerPoolBody } from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery, useKeysetPages } from '../../platform/endpointQueries';
import { customerKeys } from '../customers';
import { ownershipKeys } from './ownership.queries';

/** `['pools']` is also what ownership actions invalidate after a claim or return. */
export const poolKeys = {
  all: ['pools'] as const,
  list: () => ['pools', 'list'] as const,
  customers: (poolId: string) => ['pools', 'customers', poolId] as const,
};

/** The pools the signed-in user may see (pool managers: all of them). */
export const usePools = () =>
  useEndpointQuery(endpoints.customerPools.list, { queryKey: poolKeys.list(), transform: (list) => list.items });

/** A pool's customers, showing only the fields the pool makes visible before claiming. */
export function usePoolCustomers(poolId: string | undefined) {
  return useKeysetPages(endpoints.customerPools.listCustomers, {
    queryKey: poolKeys.customers(poolId ?? ''),
    params: { id: poolId ?? '' },
    enabled: Boolean(poolId),
  });
}

const useClaimMutation = invalidatingMutation([poolKeys.all, customerKeys.all, ownershipKeys.all]);

/** Claims a pool customer; the server answers the daily limit, cooldown or cap in the user's language. */
export const useClaimCustomer = () =>
  useClaimMutation((customerId: string) => client(endpoints.ownership.claim, { params: { id: customerId } }));

const usePoolMutation = invalidatingMutation([poolKeys.all]);

export const useCreatePool = () =>
  usePoolMutation((body: CreateCustomerPoolBody) => client(endpoints.customerPools.create, { body }));
export const useUpdatePool = () =>
  usePoolMutation(({ id, ...body }: UpdateCustomerPoolBody & { id: string }) =>
    client(endpoints.customerPools.update, { params: { id }, body }),
  );
