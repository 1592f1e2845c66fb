import {
  endpoints,
  type EndpointCallOptions,
  type CloseOpportunityBody,
  type CreateOpportunityBody,
  type CreateSalesProcessBody,
  type OpportunityListQuery,
  type PipelineQuery,
  type PutDecisionChainBody,
  type UpdateOpportunityBody,
  type UpdateSalesProcessBody,
  type WinOpportunityBody,
} from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { customerKeys } from '../customers';

export type OpportunityFilters = Omit<OpportunityListQuery, 'limit' | 'cursor'>;

/** `['opportunities']` covers lists, board, details, history and the pipeline. */
export const opportunityKeys = {
  all: ['opportunities'] as const,
  list: (filters: OpportunityFilters) => ['opportunities', 'list', filters] as const,
  board: (processId: string) => ['opportunities', 'board', processId] as const,
  detail: (id: string) => ['opportunities', 'detail', id] as const,
  history: (id: string) => ['opportunities', 'history', id] as const,
  contacts: (id: string) => ['opportunities', 'contacts', id] as const,
  pipeline: (query: PipelineQuery) => ['opportunities', 'pipeline', query] as const,
};
const processKeys = { all: ['sales-processes'] as const };

export function useSalesProcesses() {
  return useQuery({
    queryKey: processKeys.all,
    queryFn: () => client(endpoints.salesProcesses.list).then((r) => r.items),
  });
}

export function useOpportunities(filters: OpportunityFilters) {
  return useInfiniteQuery({
    queryKey: opportunityKeys.list(filters),
    queryFn: ({ pageParam }) =>
      client(endpoints.opportunities.list, { query: { ...filters, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** The board's cards: the open opportunities of one process (first 200, the most a board shows). */
export function useBoardOpportunities(processId: string | undefined) {
  return useQuery({
    queryKey: opportunityKeys.board(processId ?? ''),
    queryFn: () =>
      client(endpoints.opportunities.list, { query: { processId, status: 'open', limit: 200 } }).then(
        (page) => page.items,
      ),
    enabled: processId !== undefined,
  });
}

export function useOpportunity(id: string) {
  return useQuery({
    queryKey: opportunityKeys.detail(id),
    queryFn: () => client(endpoints.opportunities.get, { params: { id } }),
  });
}

export function useOpportunityHistory(id: string) {
  return useQuery({
    queryKey: opportunityKeys.history(id),
    queryFn: () => client(endpoints.opportunities.history, { params: { id } }),
  });
}

export function useDecisionChain(id: string) {
  return useQuery({
    queryKey: opportunityKeys.contacts(id),
    queryFn: () => client(endpoints.opportunities.decisionChain, { params: { id } }),
  });
}

export function usePipeline(query: PipelineQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: opportunityKeys.pipeline(query),
    queryFn: () => client(endpoints.opportunities.pipeline, { query: { ...query } }),
    ...options,
  });
}

function useInvalidateOpportunities() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: opportunityKeys.all }),
      queryClient.invalidateQueries({ queryKey: processKeys.all }),
      // Opening an opportunity may move the customer to "interested".
      queryClient.invalidateQueries({ queryKey: customerKeys.all }),
    ]);
}

export function useCreateOpportunity() {
  const invalidate = useInvalidateOpportunities();
  return useMutation({
    mutationFn: (body: CreateOpportunityBody) => client(endpoints.opportunities.create, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateOpportunity(id: string) {
  const invalidate = useInvalidateOpportunities();
  return useMutation({
    mutationFn: (body: UpdateOpportunityBody) => client(endpoints.opportunities.update, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useDeleteOpportunity() {
  const invalidate = useInvalidateOpportunities();
  return useMutation({
    mutationFn: (id: string) => client(endpoints.opportunities.delete, { params: { id } }),
    onSuccess: invalidate,
  });
}

export function useMoveOpportunityStage() {
  const invalidate = useInvalidateOpportunities();
  return useMutation({
    mutationFn: ({ id, stageId, version }: { id: string; stageId: string; version: number }) =>
      client(endpoints.opportunities.moveStage, { params: { id }, body: { stageId, version } }),
    onSettled: invalidate,
  });
}

const closeEndpoints = {
  won: endpoints.opportunities.win,
  lost: endpoints.opportunities.lose,
  invalid: endpoints.opportunities.invalidate,
} as const;
export type CloseOutcome = keyof typeof closeEndpoints;
export function useCloseOpportunity() {
  const invalidate = useInvalidateOpportunities();
  return useMutation({
    mutationFn: ({
      id,
      outcome,
      body,
    }: {
      id: string;
      outcome: CloseOutcome;
      body: WinOpportunityBody | CloseOpportunityBody;
    }) =>
      // Each outcome takes its own body (won: a comment, lost/invalid: a reason) and all answer the
      // opportunity; the caller pairs them, the server checks the shape.
      client(closeEndpoints[outcome], { params: { id }, body } as EndpointCallOptions<(typeof closeEndpoints)['won']>),
    onSettled: invalidate,
  });
}

export function usePutDecisionChain(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutDecisionChainBody) =>
      client(endpoints.opportunities.putDecisionChain, { params: { id }, body }),
    onSuccess: (chain) => queryClient.setQueryData(opportunityKeys.contacts(id), chain),
  });
}

export function useSaveSalesProcess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreateSalesProcessBody | UpdateSalesProcessBody }) =>
      // The editor sends the update shape (with version) for an existing process, the create shape otherwise.
      id
        ? client(endpoints.salesProcesses.put, { params: { id }, body: body as UpdateSalesProcessBody })
        : client(endpoints.salesProcesses.create, { body: body as CreateSalesProcessBody }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: processKeys.all }),
  });
}

export function useDeleteSalesProcess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client(endpoints.salesProcesses.delete, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: processKeys.all }),
  });
}
