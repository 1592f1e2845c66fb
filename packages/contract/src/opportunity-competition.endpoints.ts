import { IdParams } from './common.js';
import { endpoint } from './endpoint.js';
import {
  Competitor,
  CompetitorList,
  CompetitorListQuery,
  CreateCompetitorBody,
  CreateLossReasonBody,
  LossReason,
  LossReasonList,
  LossReport,
  LossReportQuery,
  OpportunityCompetitors,
  PutOpportunityCompetitorsBody,
  UpdateCompetitorBody,
  UpdateLossReasonBody,
} from './opportunity-competition.js';

/** The organization's competitor list: everyone who sees opportunities reads it, admins keep it. */
export const competitorsEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/competitors',
    permission: 'opportunities.view',
    summary: 'List the competitors of the organization',
    operationId: 'listCompetitors',
    tags: ['competitors'],
    query: CompetitorListQuery,
    responses: { 200: CompetitorList },
  }),
  create: endpoint({
    method: 'POST',
    path: '/competitors',
    permission: 'opportunities.manage',
    summary: 'Add a competitor to the list',
    operationId: 'createCompetitor',
    tags: ['competitors'],
    body: CreateCompetitorBody,
    responses: { 201: Competitor },
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/competitors/:id',
    permission: 'opportunities.manage',
    summary: 'Edit or archive a competitor',
    operationId: 'updateCompetitor',
    tags: ['competitors'],
    params: IdParams,
    body: UpdateCompetitorBody,
    responses: { 200: Competitor },
  }),
} as const;

/** Loss reasons (输单原因): picked when an opportunity is lost; admins keep the list. */
export const lossReasonsEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/loss-reasons',
    permission: 'opportunities.view',
    summary: 'List the loss reasons of the organization',
    operationId: 'listLossReasons',
    tags: ['loss-reasons'],
    responses: { 200: LossReasonList },
  }),
  create: endpoint({
    method: 'POST',
    path: '/loss-reasons',
    permission: 'opportunities.manage',
    summary: 'Add a loss reason',
    operationId: 'createLossReason',
    tags: ['loss-reasons'],
    body: CreateLossReasonBody,
    responses: { 201: LossReason },
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/loss-reasons/:id',
    permission: 'opportunities.manage',
    summary: 'Edit or archive a loss reason',
    operationId: 'updateLossReason',
    tags: ['loss-reasons'],
    params: IdParams,
    body: UpdateLossReasonBody,
    responses: { 200: LossReason },
  }),
} as const;

/** Competitors recorded on one opportunity, and the loss report. */
export const opportunityCompetitionEndpoints = {
  competitors: endpoint({
    method: 'GET',
    path: '/opportunities/:id/competitors',
    permission: 'opportunities.view',
    summary: 'Get the competitors recorded on an opportunity',
    operationId: 'getOpportunityCompetitors',
    tags: ['opportunities'],
    params: IdParams,
    responses: { 200: OpportunityCompetitors },
  }),
  putCompetitors: endpoint({
    method: 'PUT',
    path: '/opportunities/:id/competitors',
    permission: 'opportunities.edit',
    summary: 'Replace the competitors of an opportunity (a new name joins the competitor list)',
    operationId: 'putOpportunityCompetitors',
    tags: ['opportunities'],
    params: IdParams,
    body: PutOpportunityCompetitorsBody,
    responses: { 200: OpportunityCompetitors },
  }),
  lossReport: endpoint({
    method: 'GET',
    path: '/opportunities/loss-report',
    permission: 'opportunities.view',
    summary: 'Lost opportunities of a period by loss reason and by competitor, with win rates against each competitor',
    operationId: 'getOpportunityLossReport',
    tags: ['opportunities'],
    query: LossReportQuery,
    responses: { 200: LossReport },
  }),
} as const;
