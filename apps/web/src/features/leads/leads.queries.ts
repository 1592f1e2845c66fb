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
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { recordKeys, useEndpointQuery, useKeysetPages } from '../../platform/endpointQueries';
import { customerKeys } from '../customers';

/** List filters the screen controls; paging is handled by the hook. */
export type LeadFilters = Omit<LeadListQuery, 'limit' | 'cursor'>;

/** `['leads']` also covers the lead pools' lists, which assign and claim change too. */
export const leadKeys = recordKeys<LeadFilters>('leads');

/** Keyset-paginated list of the leads in the caller's scope (a salesperson: their own). */
export const useLeads = (filters: LeadFilters) =>
  useKeysetPages(endpoints.leads.list, { queryKey: leadKeys.list(filters), filters });

export const useLead = (id: string) =>
  useEndpointQuery(endpoints.leads.get, { queryKey: leadKeys.detail(id), params: { id } });

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

/** A write puts the lead it answers (`answeredLead`, if any) into the cache and reloads the other lead queries. */
function useLeadMutation<Variables, Result>(
  mutationFn: (variables: Variables) => Promise<Result>,
  answeredLead: (result: Result) => Lead | undefined = () => undefined,
) {
  const invalidate = useInvalidateLeads();
  return useMutation({ mutationFn, onSuccess: (result) => invalidate(answeredLead(result)) });
}
const sameLead = (lead: Lead) => lead;

export const useCreateLead = () =>
  useLeadMutation((body: CreateLeadBody) => client(endpoints.leads.create, { body }), withoutWarnings);
export const useUpdateLead = (id: string) =>
  useLeadMutation((body: UpdateLeadBody) => client(endpoints.leads.update, { params: { id }, body }), withoutWarnings);
export const useDeleteLead = () => useLeadMutation((id: string) => client(endpoints.leads.delete, { params: { id } }));
export const useRestoreLead = () =>
  useLeadMutation((id: string) => client(endpoints.leads.restore, { params: { id } }), sameLead);

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
export const useAssignLeads = () =>
  useLeadMutation((body: AssignLeadsBody) => client(endpoints.leads.assign, { body }));
export const useClaimLead = () =>
  useLeadMutation((id: string) => client(endpoints.leads.claim, { params: { id } }), sameLead);
