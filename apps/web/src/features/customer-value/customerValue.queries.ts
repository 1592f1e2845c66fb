import { endpoints, type CustomerValueQuery, type ProfitContributionQuery } from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';

export type ProfitContributionFilters = Omit<ProfitContributionQuery, 'limit' | 'cursor'>;

/** `['customer-value']` covers the ranked list, the pyramid and every customer's value. */
export const customerValueKeys = {
  all: ['customer-value'] as const,
  profit: (filters: ProfitContributionFilters) => ['customer-value', 'profit', filters] as const,
  pyramid: ['customer-value', 'pyramid'] as const,
  customer: (id: string, query: CustomerValueQuery) => ['customer-value', 'customer', id, query] as const,
};

export function useProfitContribution(filters: ProfitContributionFilters) {
  return useInfiniteQuery({
    queryKey: customerValueKeys.profit(filters),
    queryFn: ({ pageParam }) =>
      client(endpoints.customerValue.profitContribution, { query: { ...filters, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useCustomerPyramid() {
  return useQuery({
    queryKey: customerValueKeys.pyramid,
    queryFn: () => client(endpoints.customerValue.pyramid),
  });
}

export function useCustomerValue(customerId: string, query: CustomerValueQuery = {}) {
  return useQuery({
    queryKey: customerValueKeys.customer(customerId, query),
    queryFn: () => client(endpoints.customerValue.forCustomer, { params: { id: customerId }, query }),
  });
}

/** "Compute now": the nightly job run at once for the caller's organization (jobs.manage). */
export function useComputeCustomerValues() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client(endpoints.jobs.run, { params: { name: 'customerValue.compute' } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerValueKeys.all }),
  });
}
