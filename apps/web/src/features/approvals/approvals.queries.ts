import type {
  ApprovalBox,
  ApprovalBusinessType,
  ApprovalFlow,
  ApprovalFlowList,
  ApprovalListQuery,
  ApprovalRequestDetail,
  ApprovalRequestList,
  UpdateApprovalFlowBody,
} from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';

export type ApprovalFilters = Omit<ApprovalListQuery, 'limit' | 'cursor'> & { box: ApprovalBox };

/** `['approvals']` covers the inbox lists and details; a decision also moves records elsewhere. */
export const approvalKeys = {
  all: ['approvals'] as const,
  list: (filters: ApprovalFilters) => ['approvals', 'list', filters] as const,
  detail: (id: string) => ['approvals', 'detail', id] as const,
  flows: ['approval-flows'] as const,
};

export function useApprovals(filters: ApprovalFilters) {
  return useInfiniteQuery({
    queryKey: approvalKeys.list(filters),
    queryFn: ({ pageParam }) =>
      api.get<ApprovalRequestList>('/approvals', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useApproval(id: string | null) {
  return useQuery({
    queryKey: approvalKeys.detail(id ?? ''),
    queryFn: () => api.get<ApprovalRequestDetail>(`/approvals/${id}`),
    enabled: id !== null,
  });
}

export type ApprovalAction = { id: string; action: 'approve' | 'reject' | 'withdraw'; comment?: string };

/** Approve, reject or withdraw; the owning module applies the outcome, so customers, orders and to-dos refresh too. */
export function useDecideApproval() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, comment }: ApprovalAction) =>
      api.post<ApprovalRequestDetail>(
        `/approvals/${id}/${action}`,
        action === 'withdraw' ? undefined : comment ? { comment } : {},
      ),
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

export function useApprovalFlows() {
  return useQuery({
    queryKey: approvalKeys.flows,
    queryFn: () => api.get<ApprovalFlowList>('/approval-flows').then((list) => list.items),
  });
}

export function useSaveApprovalFlow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ businessType, ...body }: UpdateApprovalFlowBody & { businessType: ApprovalBusinessType }) =>
      api.put<ApprovalFlow>(`/approval-flows/${businessType}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: approvalKeys.flows }),
  });
}
