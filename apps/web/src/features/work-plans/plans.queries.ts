import {
  endpoints,
  type CreateWorkPlanBody,
  type ReviewWorkPlanBody,
  type UpdateWorkPlanBody,
  type WorkPlanListQuery,
} from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';

export type PlanFilters = Omit<WorkPlanListQuery, 'limit' | 'cursor'>;
const plansKey = ['work-plans'] as const;

export function usePlans(filters: PlanFilters) {
  return useInfiniteQuery({
    queryKey: [...plansKey, 'list', filters],
    queryFn: ({ pageParam }) =>
      client(endpoints.workPlans.list, { query: { ...filters, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: [...plansKey, 'detail', id],
    queryFn: () => client(endpoints.workPlans.get, { params: { id: id ?? '' } }),
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
      // An existing plan gets the update shape (with version), a new one the create shape.
      id
        ? client(endpoints.workPlans.update, { params: { id }, body: body as UpdateWorkPlanBody })
        : client(endpoints.workPlans.create, { body: body as CreateWorkPlanBody }),
    onSuccess: invalidate,
  });
}

export function useSubmitPlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      client(endpoints.workPlans.submit, { params: { id }, body: { version } }),
    onSuccess: invalidate,
  });
}

export function useReviewPlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReviewWorkPlanBody }) =>
      client(endpoints.workPlans.review, { params: { id }, body }),
    onSuccess: invalidate,
  });
}
