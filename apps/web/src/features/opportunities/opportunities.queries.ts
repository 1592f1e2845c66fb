import type {
  CloseOpportunityBody,
  CreateOpportunityBody,
  CreateSalesProcessBody,
  DecisionChain,
  Opportunity,
  OpportunityHistory,
  OpportunityListQuery,
  OpportunityPage,
  Pipeline,
  PipelineQuery,
  PutDecisionChainBody,
  SalesProcess,
  SalesProcessList,
  UpdateOpportunityBody,
  UpdateSalesProcessBody,
  WinOpportunityBody,
} from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';
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
    queryFn: () => api.get<SalesProcessList>('/sales-processes').then((r) => r.items),
  });
}

export function useOpportunities(filters: OpportunityFilters) {
  return useInfiniteQuery({
    queryKey: opportunityKeys.list(filters),
    queryFn: ({ pageParam }) =>
      api.get<OpportunityPage>('/opportunities', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** The board's cards: the open opportunities of one process (first 200, the most a board shows). */
export function useBoardOpportunities(processId: string | undefined) {
  return useQuery({
    queryKey: opportunityKeys.board(processId ?? ''),
    queryFn: () =>
      api.get<OpportunityPage>('/opportunities', { processId, status: 'open', limit: 200 }).then((page) => page.items),
    enabled: processId !== undefined,
  });
}

export function useOpportunity(id: string) {
  return useQuery({
    queryKey: opportunityKeys.detail(id),
    queryFn: () => api.get<Opportunity>(`/opportunities/${id}`),
  });
}

export function useOpportunityHistory(id: string) {
  return useQuery({
    queryKey: opportunityKeys.history(id),
    queryFn: () => api.get<OpportunityHistory>(`/opportunities/${id}/history`),
  });
}

export function useDecisionChain(id: string) {
  return useQuery({
    queryKey: opportunityKeys.contacts(id),
    queryFn: () => api.get<DecisionChain>(`/opportunities/${id}/contacts`),
  });
}

export function usePipeline(query: PipelineQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: opportunityKeys.pipeline(query),
    queryFn: () => api.get<Pipeline>('/opportunities/pipeline', { ...query }),
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
    mutationFn: (body: CreateOpportunityBody) => api.post<Opportunity>('/opportunities', body),
    onSuccess: invalidate,
  });
}

export function useUpdateOpportunity(id: string) {
  const invalidate = useInvalidateOpportunities();
  return useMutation({
    mutationFn: (body: UpdateOpportunityBody) => api.patch<Opportunity>(`/opportunities/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteOpportunity() {
  const invalidate = useInvalidateOpportunities();
  return useMutation({ mutationFn: (id: string) => api.delete(`/opportunities/${id}`), onSuccess: invalidate });
}

export function useMoveOpportunityStage() {
  const invalidate = useInvalidateOpportunities();
  return useMutation({
    mutationFn: ({ id, stageId, version }: { id: string; stageId: string; version: number }) =>
      api.post<Opportunity>(`/opportunities/${id}/stage`, { stageId, version }),
    onSettled: invalidate,
  });
}

export type CloseOutcome = 'won' | 'lost' | 'invalid';
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
    }) => api.post<Opportunity>(`/opportunities/${id}/${outcome}`, body),
    onSettled: invalidate,
  });
}

export function usePutDecisionChain(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutDecisionChainBody) => api.put<DecisionChain>(`/opportunities/${id}/contacts`, body),
    onSuccess: (chain) => queryClient.setQueryData(opportunityKeys.contacts(id), chain),
  });
}

export function useSaveSalesProcess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreateSalesProcessBody | UpdateSalesProcessBody }) =>
      id ? api.put<SalesProcess>(`/sales-processes/${id}`, body) : api.post<SalesProcess>('/sales-processes', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: processKeys.all }),
  });
}

export function useDeleteSalesProcess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/sales-processes/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: processKeys.all }),
  });
}
