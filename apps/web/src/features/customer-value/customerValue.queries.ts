import {
  endpoints,
  type CustomerValueQuery,
  type ProfitContributionQuery,
  type PyramidMembersQuery,
} from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery, useKeysetPages } from '../../platform/endpointQueries';

export type ProfitContributionFilters = Omit<ProfitContributionQuery, 'limit' | 'cursor'>;

/** `['customer-value']` covers the ranked list, the pyramid and every customer's value. */
export const customerValueKeys = {
  all: ['customer-value'] as const,
  profit: (filters: ProfitContributionFilters) => ['customer-value', 'profit', filters] as const,
  pyramid: ['customer-value', 'pyramid'] as const,
  rfm: ['customer-value', 'rfm'] as const,
  customer: (id: string, query: CustomerValueQuery) => ['customer-value', 'customer', id, query] as const,
};

export const useProfitContribution = (filters: ProfitContributionFilters) =>
  useKeysetPages(endpoints.customerValue.profitContribution, { queryKey: customerValueKeys.profit(filters), filters });

/** The customers of one tier or class, most profitable first (the pyramid's click-through). */
export const usePyramidMembers = (group: Omit<PyramidMembersQuery, 'limit' | 'cursor'>, enabled: boolean) =>
  useKeysetPages(endpoints.customerValue.pyramidMembers, {
    queryKey: [...customerValueKeys.pyramid, 'members', group],
    filters: group,
    enabled,
  });

export const useCustomerPyramid = () =>
  useEndpointQuery(endpoints.customerValue.pyramid, { queryKey: customerValueKeys.pyramid });

/** The RFM segment matrix of the latest snapshot, over the customers the reader may see. */
export const useRfmMatrix = () => useEndpointQuery(endpoints.customerValue.rfm, { queryKey: customerValueKeys.rfm });

export function useCustomerValue(customerId: string, query: CustomerValueQuery = {}) {
  return useEndpointQuery(endpoints.customerValue.forCustomer, {
    queryKey: customerValueKeys.customer(customerId, query),
    params: { id: customerId },
    query,
  });
}

const useValueMutation = invalidatingMutation([customerValueKeys.all]);

/** "Compute now": the nightly job run at once for the caller's organization (jobs.manage). */
export const useComputeCustomerValues = () =>
  useValueMutation(() => client(endpoints.jobs.run, { params: { name: 'customerValue.compute' } }));
