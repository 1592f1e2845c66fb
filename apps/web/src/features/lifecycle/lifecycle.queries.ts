import {
  endpoints,
  type EndpointResult,
  type LifecycleBoardQuery,
  type MoveStageBody,
  type StageRequestStatus,
  type StageTransitionRequest,
} from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery } from '../../platform/endpointQueries';
import { customerKeys } from '../customers';

export const lifecycleKeys = {
  transitions: (customerId: string) => ['lifecycle', 'transitions', customerId] as const,
  requests: (status: StageRequestStatus) => ['lifecycle', 'requests', status] as const,
  board: (query: LifecycleBoardQuery) => ['lifecycle', 'board', query] as const,
};

export const useStageTransitions = (customerId: string) =>
  useEndpointQuery(endpoints.lifecycle.listTransitions, {
    queryKey: lifecycleKeys.transitions(customerId),
    params: { id: customerId },
  });

/** A move either happens at once (the transition) or waits for approval (the request). */
export type MoveResult = EndpointResult<typeof endpoints.lifecycle.move>;
export const isPendingRequest = (result: MoveResult): result is StageTransitionRequest =>
  'status' in result && result.status === 'pending';

const useMoveMutation = invalidatingMutation([customerKeys.all, ['lifecycle']]);

export const useMoveStage = (customerId: string) =>
  useMoveMutation((body: MoveStageBody) => client(endpoints.lifecycle.move, { params: { id: customerId }, body }));

export const useStageRequests = (status: StageRequestStatus, enabled = true) =>
  useEndpointQuery(endpoints.lifecycle.listRequests, {
    queryKey: lifecycleKeys.requests(status),
    query: { status },
    enabled,
  });

/** Days the customers in each stage have spent there so far (the board's current stays). */
export const useCurrentStays = () =>
  useEndpointQuery(endpoints.lifecycle.currentStays, { queryKey: ['lifecycle', 'board', 'current-stays'] });

export const useLifecycleBoard = (query: LifecycleBoardQuery) =>
  useEndpointQuery(endpoints.lifecycle.board, { queryKey: lifecycleKeys.board(query), query });
