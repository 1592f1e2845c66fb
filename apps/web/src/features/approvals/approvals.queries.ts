import {
  endpoints,
  type ApprovalBox,
  type ApprovalBusinessType,
  type ApprovalListQuery,
  type RejectApprovalBody,
  type UpdateApprovalFlowBody,
} from '@guanxi/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { byOptionalId, invalidatingMutation, useEndpointQuery, useKeysetPages } from '../../platform/endpointQueries';

export type ApprovalFilters = Omit<ApprovalListQuery, 'limit' | 'cursor'> & { box: ApprovalBox };

/** `['approvals']` covers the inbox lists and details; a decision also moves records elsewhere. */
export const approvalKeys = {
  all: ['approvals'] as const,
  list: (filters: ApprovalFilters) => ['approvals', 'list', filters] as const,
  detail: (id: string) => ['approvals', 'detail', id] as const,
  flows: ['approval-flows'] as const,
};

export const useApprovals = (filters: ApprovalFilters) =>
  useKeysetPages(endpoints.approvals.list, { queryKey: approvalKeys.list(filters), filters });

export const useApproval = (id: string | null) =>
  useEndpointQuery(endpoints.approvals.get, byOptionalId(id, approvalKeys.detail));

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
      return Promise.all(
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
    },
  });
}

const useFlowMutation = invalidatingMutation([approvalKeys.flows]);
export const useApprovalFlows = () =>
  useEndpointQuery(endpoints.approvals.listFlows, { queryKey: approvalKeys.flows, transform: (list) => list.items });

export const useSaveApprovalFlow = () =>
  useFlowMutation(({ businessType, ...body }: UpdateApprovalFlowBody & { businessType: ApprovalBusinessType }) =>
    client(endpoints.approvals.updateFlow, { params: { businessType }, body }),
  );
