import { endpoints, type BulkCustomerActionBody } from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { customerKeys } from './customers.queries';

export const DEFAULT_STALE_DAYS = 180;
const PAGE_SIZE = 100;

/** Customers neither changed nor followed up for `days` days (domain §2), oldest first. */
export function useStaleCustomers(days: number) {
  return useInfiniteQuery({
    queryKey: ['customers', 'stale', days] as const,
    queryFn: ({ pageParam }) =>
      client(endpoints.customers.listStale, { query: { days, limit: PAGE_SIZE, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

const staleActions = {
  'return-to-pool': endpoints.customers.bulkReturnToPool,
  'mark-lost': endpoints.customers.bulkMarkLost,
} as const;
export type StaleAction = keyof typeof staleActions;

/** A bulk action answers per record; lists, pools and approvals may all have changed. */
export function useStaleBulkAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: StaleAction; body: BulkCustomerActionBody }) =>
      client(staleActions[action], { body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: customerKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['pools'] }),
        queryClient.invalidateQueries({ queryKey: ['ownership'] }),
      ]),
  });
}
