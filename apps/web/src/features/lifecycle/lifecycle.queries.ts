import type {
  LifecycleBoard,
  LifecycleBoardQuery,
  MoveStageBody,
  StageRequestStatus,
  StageTransition,
  StageTransitionList,
  StageTransitionRequest,
  StageTransitionRequestList,
} from '@guanxi/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';
import { customerKeys } from '../customers';

export const lifecycleKeys = {
  transitions: (customerId: string) => ['lifecycle', 'transitions', customerId] as const,
  requests: (status: StageRequestStatus) => ['lifecycle', 'requests', status] as const,
  board: (query: LifecycleBoardQuery) => ['lifecycle', 'board', query] as const,
};

export function useStageTransitions(customerId: string) {
  return useQuery({
    queryKey: lifecycleKeys.transitions(customerId),
    queryFn: () => api.get<StageTransitionList>(`/customers/${customerId}/stage-transitions`),
  });
}

/** A move either happens at once (the transition) or waits for approval (the request). */
export type MoveResult = StageTransition | StageTransitionRequest;
export const isPendingRequest = (result: MoveResult): result is StageTransitionRequest =>
  'status' in result && result.status === 'pending';

export function useMoveStage(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MoveStageBody) => api.post<MoveResult>(`/customers/${customerId}/stage-transitions`, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: customerKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['lifecycle'] }),
      ]),
  });
}

export function useStageRequests(status: StageRequestStatus, enabled = true) {
  return useQuery({
    queryKey: lifecycleKeys.requests(status),
    queryFn: () => api.get<StageTransitionRequestList>('/stage-transition-requests', { status }),
    enabled,
  });
}

export function useLifecycleBoard(query: LifecycleBoardQuery) {
  return useQuery({
    queryKey: lifecycleKeys.board(query),
    queryFn: () => api.get<LifecycleBoard>('/lifecycle/board', query),
  });
}
