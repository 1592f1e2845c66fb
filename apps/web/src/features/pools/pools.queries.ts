import { endpoints, type CreateCustomerPoolBody, type UpdateCustomerPoolBody } from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { customerKeys } from '../customers';
import { ownershipKeys } from './ownership.queries';

/** `['pools']` is also what ownership actions invalidate after a claim or return. */
export const poolKeys = {
  all: ['pools'] as const,
  list: () => ['pools', 'list'] as const,
  customers: (poolId: string) => ['pools', 'customers', poolId] as const,
};

/** The pools the signed-in user may see (pool managers: all of them). */
export function usePools() {
  return useQuery({
    queryKey: poolKeys.list(),
    queryFn: () => client(endpoints.customerPools.list).then((list) => list.items),
  });
}

/** A pool's customers, showing only the fields the pool makes visible before claiming. */
export function usePoolCustomers(poolId: string | undefined) {
  return useInfiniteQuery({
    queryKey: poolKeys.customers(poolId ?? ''),
    queryFn: ({ pageParam }) =>
      client(endpoints.customerPools.listCustomers, {
        params: { id: poolId ?? '' },
        query: { limit: 50, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    enabled: Boolean(poolId),
  });
}

/** Claims a pool customer; the server answers the daily limit, cooldown or cap in the user's language. */
export function useClaimCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (customerId: string) => client(endpoints.ownership.claim, { params: { id: customerId } }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: poolKeys.all }),
        queryClient.invalidateQueries({ queryKey: customerKeys.all }),
        queryClient.invalidateQueries({ queryKey: ownershipKeys.all }),
      ]),
  });
}

export function useCreatePool() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCustomerPoolBody) => client(endpoints.customerPools.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: poolKeys.all }),
  });
}

export function useUpdatePool() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateCustomerPoolBody & { id: string }) =>
      client(endpoints.customerPools.update, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: poolKeys.all }),
  });
}
