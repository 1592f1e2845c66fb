import { endpoints, type CreateLeadPoolBody, type UpdateLeadPoolBody } from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';

/** Under `['leads']`, so assigning or claiming a lead refreshes the pools' lists as well. */
export const leadPoolKeys = {
  all: ['leads', 'pools'] as const,
  list: () => ['leads', 'pools', 'list'] as const,
  leads: (poolId: string) => ['leads', 'pools', 'leads', poolId] as const,
};

/** The lead pools the caller belongs to (`leads.manage`: all of them). */
export function useLeadPools() {
  return useQuery({
    queryKey: leadPoolKeys.list(),
    queryFn: () => client(endpoints.leadPools.list).then((list) => list.items),
  });
}

/** A pool's unassigned leads, oldest cursor first page by page. */
export function useLeadPoolLeads(poolId: string | undefined) {
  return useInfiniteQuery({
    queryKey: leadPoolKeys.leads(poolId ?? ''),
    queryFn: ({ pageParam }) =>
      client(endpoints.leadPools.listLeads, { params: { id: poolId ?? '' }, query: { limit: 100, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    enabled: Boolean(poolId),
  });
}

export function useCreateLeadPool() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateLeadPoolBody) => client(endpoints.leadPools.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadPoolKeys.all }),
  });
}

export function useUpdateLeadPool() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateLeadPoolBody & { id: string }) =>
      client(endpoints.leadPools.update, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadPoolKeys.all }),
  });
}
