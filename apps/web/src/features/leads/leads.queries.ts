import {
  endpoints,
  type AssignLeadsBody,
  type ConvertLeadBody,
  type CreateLeadBody,
  type Lead,
  type LeadListQuery,
  type LeadWriteResult,
  type UpdateLeadBody,
} from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { customerKeys } from '../customers';

/** List filters the screen controls; paging is handled by the hook. */
export type LeadFilters = Omit<LeadListQuery, 'limit' | 'cursor'>;

const PAGE_SIZE = 50;
/** `['leads']` also covers the lead pools' lists, which assign and claim change too. */
export const leadKeys = {
  all: ['leads'] as const,
  list: (filters: LeadFilters) => ['leads', 'list', filters] as const,
  detail: (id: string) => ['leads', 'detail', id] as const,
};

/** Keyset-paginated list of the leads in the caller's scope (a salesperson: their own). */
export function useLeads(filters: LeadFilters) {
  return useInfiniteQuery({
    queryKey: leadKeys.list(filters),
    queryFn: ({ pageParam }) =>
      client(endpoints.leads.list, { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useLead(id: string) {
  return useQuery({ queryKey: leadKeys.detail(id), queryFn: () => client(endpoints.leads.get, { params: { id } }) });
}

function useInvalidateLeads() {
  const queryClient = useQueryClient();
  return (lead?: Lead) => {
    if (lead) queryClient.setQueryData(leadKeys.detail(lead.id), lead);
    return queryClient.invalidateQueries({
      queryKey: leadKeys.all,
      predicate: (query) => !lead || query.queryKey[2] !== lead.id,
    });
  };
}

/** Drops the write-only duplicate warnings before the lead goes into the cache. */
const withoutWarnings = ({ duplicateWarnings: _warnings, ...lead }: LeadWriteResult): Lead => lead;

export function useCreateLead() {
  const invalidate = useInvalidateLeads();
  return useMutation({
    mutationFn: (body: CreateLeadBody) => client(endpoints.leads.create, { body }),
    onSuccess: (result) => invalidate(withoutWarnings(result)),
  });
}

export function useUpdateLead(id: string) {
  const invalidate = useInvalidateLeads();
  return useMutation({
    mutationFn: (body: UpdateLeadBody) => client(endpoints.leads.update, { params: { id }, body }),
    onSuccess: (result) => invalidate(withoutWarnings(result)),
  });
}

export function useDeleteLead() {
  const invalidate = useInvalidateLeads();
  return useMutation({
    mutationFn: (id: string) => client(endpoints.leads.delete, { params: { id } }),
    onSuccess: () => invalidate(),
  });
}

export function useRestoreLead() {
  const invalidate = useInvalidateLeads();
  return useMutation({
    mutationFn: (id: string) => client(endpoints.leads.restore, { params: { id } }),
    onSuccess: (lead) => invalidate(lead),
  });
}

/** Converts once: the customer and contact appear in their lists, the lead shows the link. */
export function useConvertLead(id: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateLeads();
  return useMutation({
    mutationFn: (body: ConvertLeadBody) => client(endpoints.leads.convert, { params: { id }, body }),
    onSuccess: (result) =>
      Promise.all([invalidate(result.lead), queryClient.invalidateQueries({ queryKey: customerKeys.all })]),
  });
}

/** Bulk assignment from a lead pool; the answer says per lead what happened. */
export function useAssignLeads() {
  const invalidate = useInvalidateLeads();
  return useMutation({
    mutationFn: (body: AssignLeadsBody) => client(endpoints.leads.assign, { body }),
    onSuccess: () => invalidate(),
  });
}

export function useClaimLead() {
  const invalidate = useInvalidateLeads();
  return useMutation({
    mutationFn: (id: string) => client(endpoints.leads.claim, { params: { id } }),
    onSuccess: (lead) => invalidate(lead),
  });
}
