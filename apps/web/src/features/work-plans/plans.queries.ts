import type {
  CreateWorkPlanBody,
  ReviewWorkPlanBody,
  UpdateWorkPlanBody,
  WorkPlan,
  WorkPlanListQuery,
  WorkPlanPage,
} from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';

export type PlanFilters = Omit<WorkPlanListQuery, 'limit' | 'cursor'>;
const plansKey = ['work-plans'] as const;

export function usePlans(filters: PlanFilters) {
  return useInfiniteQuery({
    queryKey: [...plansKey, 'list', filters],
    queryFn: ({ pageParam }) => api.get<WorkPlanPage>('/work-plans', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: [...plansKey, 'detail', id],
    queryFn: () => api.get<WorkPlan>(`/work-plans/${id}`),
    enabled: id !== undefined,
  });
}

function useInvalidatePlans() {
  const queryClient = useQueryClient();
  return () => Promise.all([plansKey, ['todos']].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useSavePlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreateWorkPlanBody | UpdateWorkPlanBody }) =>
      id ? api.patch<WorkPlan>(`/work-plans/${id}`, body) : api.post<WorkPlan>('/work-plans', body),
    onSuccess: invalidate,
  });
}

export function useSubmitPlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.post<WorkPlan>(`/work-plans/${id}/submit`, { version }),
    onSuccess: invalidate,
  });
}

export function useReviewPlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReviewWorkPlanBody }) =>
      api.post<WorkPlan>(`/work-plans/${id}/review`, body),
    onSuccess: invalidate,
  });
}
