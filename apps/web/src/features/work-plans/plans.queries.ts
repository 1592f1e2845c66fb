import {
  endpoints,
  type CreateWorkPlanBody,
  type PlanStatsQuery,
  type ReviewWorkPlanBody,
  type UpdateWorkPlanBody,
  type WorkPlanListQuery,
} from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery, useKeysetPages } from '../../platform/endpointQueries';

export type PlanFilters = Omit<WorkPlanListQuery, 'limit' | 'cursor'>;
const plansKey = ['work-plans'] as const;

export const usePlans = (filters: PlanFilters) =>
  useKeysetPages(endpoints.workPlans.list, { queryKey: [...plansKey, 'list', filters], filters });

export function usePlan(id: string | undefined) {
  return useEndpointQuery(endpoints.workPlans.get, {
    queryKey: [...plansKey, 'detail', id],
    params: { id: id ?? '' },
    enabled: id !== undefined,
  });
}

/** The inbox's to-dos change with plans too. */
const usePlanMutation = invalidatingMutation([plansKey, ['todos']]);

export const useSavePlan = () =>
  usePlanMutation(({ id, body }: { id?: string; body: CreateWorkPlanBody | UpdateWorkPlanBody }) =>
    // An existing plan gets the update shape (with version), a new one the create shape.
    id
      ? client(endpoints.workPlans.update, { params: { id }, body: body as UpdateWorkPlanBody })
      : client(endpoints.workPlans.create, { body: body as CreateWorkPlanBody }),
  );
export const useSubmitPlan = () =>
  usePlanMutation(({ id, version }: { id: string; version: number }) =>
    client(endpoints.workPlans.submit, { params: { id }, body: { version } }),
  );
export const useReviewPlan = () =>
  usePlanMutation(({ id, body }: { id: string; body: ReviewWorkPlanBody }) =>
    client(endpoints.workPlans.review, { params: { id }, body }),
  );

/** Plans submitted, approved and scored per person over a range (the statistics page). */
export const usePlanStats = (query: PlanStatsQuery) =>
  useEndpointQuery(endpoints.workPlans.stats, { queryKey: [...plansKey, 'stats', query], query });
