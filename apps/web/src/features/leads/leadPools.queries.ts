import { endpoints, type CreateLeadPoolBody, type UpdateLeadPoolBody } from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery, useKeysetPages } from '../../platform/endpointQueries';

/** Under `['leads']`, so assigning or claiming a lead refreshes the pools' lists as well. */
export const leadPoolKeys = {
  all: ['leads', 'pools'] as const,
  list: () => ['leads', 'pools', 'list'] as const,
  leads: (poolId: string) => ['leads', 'pools', 'leads', poolId] as const,
};

/** The lead pools the caller belongs to (`leads.manage`: all of them). */
export const useLeadPools = () =>
  useEndpointQuery(endpoints.leadPools.list, { queryKey: leadPoolKeys.list(), transform: (list) => list.items });

/** A pool's unassigned leads, oldest cursor first page by page. */
export function useLeadPoolLeads(poolId: string | undefined) {
  return useKeysetPages(endpoints.leadPools.listLeads, {
    queryKey: leadPoolKeys.leads(poolId ?? ''),
    params: { id: poolId ?? '' },
    pageSize: 100,
    enabled: Boolean(poolId),
  });
}

const useLeadPoolMutation = invalidatingMutation([leadPoolKeys.all]);

export const useCreateLeadPool = () =>
  useLeadPoolMutation((body: CreateLeadPoolBody) => client(endpoints.leadPools.create, { body }));
export const useUpdateLeadPool = () =>
  useLeadPoolMutation(({ id, ...body }: UpdateLeadPoolBody & { id: string }) =>
    client(endpoints.leadPools.update, { params: { id }, body }),
  );
