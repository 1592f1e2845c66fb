import type { BulkCustomerActionBody, BulkCustomerResult, CustomerPage } from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';
import { customerKeys } from './customers.queries';

export const DEFAULT_STALE_DAYS = 180;
const PAGE_SIZE = 100;

/** Customers neither changed nor followed up for `days` days (domain §2), oldest first. */
export function useStaleCustomers(days: number) {
  return useInfiniteQuery({
    queryKey: ['customers', 'stale', days] as const,
    queryFn: ({ pageParam }) =>
      api.get<CustomerPage>('/customers/stale', { days, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export type StaleAction = 'return-to-pool' | 'mark-lost';

/** A bulk action answers per record; lists, pools and approvals may all have changed. */
export function useStaleBulkAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: StaleAction; body: BulkCustomerActionBody }) =>
      api.post<BulkCustomerResult>(`/customers/bulk/${action}`, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: customerKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['pools'] }),
        queryClient.invalidateQueries({ queryKey: ['ownership'] }),
      ]),
  });
}
