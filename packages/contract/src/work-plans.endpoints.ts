import { IdParams } from './common.js';
import { endpoint, errorResponses } from './endpoint.js';
import {
  CreateWorkPlanBody,
  ReviewWorkPlanBody,
  UpdateWorkPlanBody,
  WorkPlan,
  WorkPlanListQuery,
  WorkPlanPage,
  PlanStats,
  PlanStatsQuery,
} from './work-plans.js';
import { SubmitBody } from './work-reports.js';
import { exportEndpointOf } from './export.js';

const errors = errorResponses(400, 403, 404, 409);

const listEndpoint = endpoint({
  method: 'GET',
  path: '/work-plans',
  permission: 'plans.view',
  summary: 'List work plans',
  operationId: 'listWorkPlans',
  tags: ['work-plans'],
  query: WorkPlanListQuery,
  responses: { 200: WorkPlanPage },
  errors,
});

export const workPlansEndpoints = {
  list: listEndpoint,
  stats: endpoint({
    method: 'GET',
    path: '/work-plans/stats',
    permission: 'plans.view',
    summary: 'Work plan review statistics per person: submitted, approved, average score',
    operationId: 'getWorkPlanStats',
    tags: ['work-plans'],
    query: PlanStatsQuery,
    responses: { 200: PlanStats },
    errors,
  }),
  export: exportEndpointOf(listEndpoint, {
    permission: 'plans.export',
    summary: 'Export the work plan list (same filters) to Excel or CSV',
    operationId: 'exportWorkPlans',
  }),
  create: endpoint({
    method: 'POST',
    path: '/work-plans',
    permission: 'plans.create',
    summary: 'Create a work plan',
    operationId: 'createWorkPlan',
    tags: ['work-plans'],
    body: CreateWorkPlanBody,
    responses: { 201: WorkPlan },
    errors,
  }),
  get: endpoint({
    method: 'GET',
    path: '/work-plans/:id',
    permission: 'plans.view',
    summary: 'Get a work plan',
    operationId: 'getWorkPlan',
    tags: ['work-plans'],
    params: IdParams,
    responses: { 200: WorkPlan },
    errors,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/work-plans/:id',
    permission: 'plans.create',
    summary: 'Update a work plan',
    operationId: 'updateWorkPlan',
    tags: ['work-plans'],
    params: IdParams,
    body: UpdateWorkPlanBody,
    responses: { 200: WorkPlan },
    errors,
  }),
  submit: endpoint({
    method: 'POST',
    path: '/work-plans/:id/submit',
    permission: 'plans.create',
    summary: 'Submit a work plan',
    operationId: 'submitWorkPlan',
    tags: ['work-plans'],
    params: IdParams,
    body: SubmitBody,
    responses: { 200: WorkPlan },
    errors,
  }),
  review: endpoint({
    method: 'POST',
    path: '/work-plans/:id/review',
    permission: 'plans.review',
    summary: 'Review (comment on) a submitted work plan',
    operationId: 'reviewWorkPlan',
    tags: ['work-plans'],
    params: IdParams,
    body: ReviewWorkPlanBody,
    responses: { 200: WorkPlan },
    errors,
  }),
} as const;
