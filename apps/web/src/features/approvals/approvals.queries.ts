import {
  endpoints,
  type ApprovalBox,
  type ApprovalBusinessType,
  type ApprovalListQuery,
  type BatchApproveBody,
  type RejectApprovalBody,
  type UpdateApprovalFlowBody,
} from '@guanxi/contract';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { byOptionalId, invalidatingMutation, useEndpointQuery, useKeysetPages } from '../../platform/endpointQueries';

export type ApprovalFilters = Omit<ApprovalListQuery, 'limit' | 'cursor'> & { box: ApprovalBox };

/** `['approvals']` covers the inbox lists and details; a decision also moves records elsewhere. */
export const approvalKeys = {
  all: ['approvals'] as const,
  list: (filters: ApprovalFilters) => ['approvals', 'list', filters] as const,
  detail: (id: string) => ['approvals', 'detail', id] as const,
  context: (id: string) => ['approvals', 'context', id] as const,
  flows: ['approval-flows'] as const,
};

export const useApprovals = (filters: ApprovalFilters) =>
  useKeysetPages(endpoints.approvals.list, { queryKey: approvalKeys.list(filters), filters });

export const useApproval = (id: string | null) =>
  useEndpointQuery(endpoints.approvals.get, byOptionalId(id, approvalKeys.detail));

/** The owning module's decision facts (order lines, credit, receipts, history) for the request's card. */
export const useApprovalContext = (id: string | null) =>
  useEndpointQuery(endpoints.approvals.context, {
    ...byOptionalId(id, approvalKeys.context),
    transform: (answer) => answer.context,
  });

/**
 * After a decision: the inbox lists and counts, the bell, the to-dos and the records the owning
 * module changed (customer stage, order, expense) all refresh at once.
 */
const refreshAfterDecision = (queryClient: QueryClient) =>
  Promise.all(
    [
      approvalKeys.all,
      ['lifecycle'],
      ['customers'],
      ['todos'],
      ['inbox'],
      ['notifications'],
      ['orders'],
      ['expenses'],
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );

export type ApprovalAction = { id: string; action: 'approve' | 'reject' | 'withdraw'; comment?: string };

/** Approve, reject or withdraw; the owning module applies the outcome, so customers, orders and to-dos refresh too. */
export function useDecideApproval() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, comment }: ApprovalAction) => {
      const body = comment ? { comment } : {};
      if (action === 'withdraw') return client(endpoints.approvals.withdraw, { params: { id } });
      if (action === 'approve') return client(endpoints.approvals.approve, { params: { id }, body });
      // Without a comment the server refuses the rejection with the field's own message.
      return client(endpoints.approvals.reject, { params: { id }, body: body as RejectApprovalBody });
    },
    onSuccess: (detail) => {
      queryClient.setQueryData(approvalKeys.detail(detail.id), detail);
      return refreshAfterDecision(queryClient);
    },
  });
}

/** Approves several requests; the answer reports each one (some may be refused). */
export function useBatchApprove() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BatchApproveBody) => client(endpoints.approvals.batchApprove, { body }),
    onSuccess: () => refreshAfterDecision(queryClient),
  });
}

const useFlowMutation = invalidatingMutation([approvalKeys.flows]);
export const useApprovalFlows = () =>
  useEndpointQuery(endpoints.approvals.listFlows, { queryKey: approvalKeys.flows, transform: (list) => list.items });

export const useSaveApprovalFlow = () =>
  useFlowMutation(({ businessType, ...body }: UpdateApprovalFlowBody & { businessType: ApprovalBusinessType }) =>
    client(endpoints.approvals.updateFlow, { params: { businessType }, body }),
  );
