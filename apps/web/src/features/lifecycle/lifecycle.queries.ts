import {
  endpoints,
  type EndpointResult,
  type LifecycleBoardQuery,
  type MoveStageBody,
  type StageRequestStatus,
  type StageTransitionRequest,
} from '@guanxi/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { customerKeys } from '../customers';

export const lifecycleKeys = {
  transitions: (customerId: string) => ['lifecycle', 'transitions', customerId] as const,
  requests: (status: StageRequestStatus) => ['lifecycle', 'requests', status] as const,
  board: (query: LifecycleBoardQuery) => ['lifecycle', 'board', query] as const,
};

export function useStageTransitions(customerId: string) {
  return useQuery({
    queryKey: lifecycleKeys.transitions(customerId),
    queryFn: () => client(endpoints.lifecycle.listTransitions, { params: { id: customerId } }),
  });
}

/** A move either happens at once (the transition) or waits for approval (the request). */
export type MoveResult = EndpointResult<typeof endpoints.lifecycle.move>;
export const isPendingRequest = (result: MoveResult): result is StageTransitionRequest =>
  'status' in result && result.status === 'pending';

export function useMoveStage(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MoveStageBody) => client(endpoints.lifecycle.move, { params: { id: customerId }, body }),
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
    queryFn: () => client(endpoints.lifecycle.listRequests, { query: { status } }),
    enabled,
  });
}

export function useLifecycleBoard(query: LifecycleBoardQuery) {
  return useQuery({
    queryKey: lifecycleKeys.board(query),
    queryFn: () => client(endpoints.lifecycle.board, { query }),
  });
}
