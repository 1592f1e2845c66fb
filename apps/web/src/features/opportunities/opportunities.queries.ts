import {
  endpoints,
  type EndpointCallOptions,
  type CloseOpportunityBody,
  type LoseOpportunityBody,
  type CreateOpportunityBody,
  type CreateSalesProcessBody,
  type OpportunityListQuery,
  type PipelineQuery,
  type PutDecisionChainBody,
  type UpdateOpportunityBody,
  type UpdateSalesProcessBody,
  type WinOpportunityBody,
} from '@guanxi/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { invalidatingMutation, recordKeys, useEndpointQuery, useKeysetPages } from '../../platform/endpointQueries';
import { customerKeys } from '../customers';

export type OpportunityFilters = Omit<OpportunityListQuery, 'limit' | 'cursor'>;

/** `['opportunities']` covers lists, board, details, history and the pipeline. */
export const opportunityKeys = {
  ...recordKeys<OpportunityFilters>('opportunities'),
  board: (processId: string) => ['opportunities', 'board', processId] as const,
  history: (id: string) => ['opportunities', 'history', id] as const,
  contacts: (id: string) => ['opportunities', 'contacts', id] as const,
  pipeline: (query: PipelineQuery) => ['opportunities', 'pipeline', query] as const,
};
const processKeys = { all: ['sales-processes'] as const };

export const useSalesProcesses = () =>
  useEndpointQuery(endpoints.salesProcesses.list, { queryKey: processKeys.all, transform: (list) => list.items });

export const useOpportunities = (filters: OpportunityFilters) =>
  useKeysetPages(endpoints.opportunities.list, { queryKey: opportunityKeys.list(filters), filters });

/** The board's cards: the open opportunities of one process (first 200, the most a board shows). */
export function useBoardOpportunities(processId: string | undefined) {
  return useEndpointQuery(endpoints.opportunities.list, {
    queryKey: opportunityKeys.board(processId ?? ''),
    query: { processId, status: 'open', limit: 200 },
    transform: (page) => page.items,
    enabled: processId !== undefined,
  });
}

export const useOpportunity = (id: string) =>
  useEndpointQuery(endpoints.opportunities.get, { queryKey: opportunityKeys.detail(id), params: { id } });
export const useOpportunityHistory = (id: string) =>
  useEndpointQuery(endpoints.opportunities.history, { queryKey: opportunityKeys.history(id), params: { id } });
export const useDecisionChain = (id: string) =>
  useEndpointQuery(endpoints.opportunities.decisionChain, { queryKey: opportunityKeys.contacts(id), params: { id } });

export const usePipeline = (query: PipelineQuery, options: { enabled?: boolean } = {}) =>
  useEndpointQuery(endpoints.opportunities.pipeline, { queryKey: opportunityKeys.pipeline(query), query, ...options });

// Opening an opportunity may move the customer to "interested".
const useOpportunityMutation = invalidatingMutation([opportunityKeys.all, processKeys.all, customerKeys.all]);

export const useCreateOpportunity = () =>
  useOpportunityMutation((body: CreateOpportunityBody) => client(endpoints.opportunities.create, { body }));
export const useUpdateOpportunity = (id: string) =>
  useOpportunityMutation((body: UpdateOpportunityBody) =>
    client(endpoints.opportunities.update, { params: { id }, body }),
  );
export const useDeleteOpportunity = () =>
  useOpportunityMutation((id: string) => client(endpoints.opportunities.delete, { params: { id } }));

export function useMoveOpportunityStage() {
  return useOpportunityMutation(
    ({ id, stageId, version }: { id: string; stageId: string; version: number }) =>
      client(endpoints.opportunities.moveStage, { params: { id }, body: { stageId, version } }),
    { settled: true },
  );
}

const closeEndpoints = {
  won: endpoints.opportunities.win,
  lost: endpoints.opportunities.lose,
  invalid: endpoints.opportunities.invalidate,
} as const;
export type CloseOutcome = keyof typeof closeEndpoints;
export function useCloseOpportunity() {
  return useOpportunityMutation(
    ({
      id,
      outcome,
      body,
    }: {
      id: string;
      outcome: CloseOutcome;
      body: WinOpportunityBody | CloseOpportunityBody | LoseOpportunityBody;
    }) =>
      // Each outcome takes its own body (won: a comment, lost: a loss reason, invalid: a reason) and all answer the
      // opportunity; the caller pairs them, the server checks the shape.
      client(closeEndpoints[outcome], { params: { id }, body } as EndpointCallOptions<(typeof closeEndpoints)['won']>),
    { settled: true },
  );
}

export function usePutDecisionChain(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutDecisionChainBody) =>
      client(endpoints.opportunities.putDecisionChain, { params: { id }, body }),
    onSuccess: (chain) => queryClient.setQueryData(opportunityKeys.contacts(id), chain),
  });
}

const useSalesProcessMutation = invalidatingMutation([processKeys.all]);

export const useSaveSalesProcess = () =>
  useSalesProcessMutation(({ id, body }: { id?: string; body: CreateSalesProcessBody | UpdateSalesProcessBody }) =>
    // The editor sends the update shape (with version) for an existing process, the create shape otherwise.
    id
      ? client(endpoints.salesProcesses.put, { params: { id }, body: body as UpdateSalesProcessBody })
      : client(endpoints.salesProcesses.create, { body: body as CreateSalesProcessBody }),
  );
export const useDeleteSalesProcess = () =>
  useSalesProcessMutation((id: string) => client(endpoints.salesProcesses.delete, { params: { id } }));
