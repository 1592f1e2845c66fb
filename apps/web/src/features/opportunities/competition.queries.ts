import {
  endpoints,
  type CreateCompetitorBody,
  type CreateLossReasonBody,
  type LossReportQuery,
  type PutOpportunityCompetitorsBody,
  type UpdateCompetitorBody,
  type UpdateLossReasonBody,
} from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery } from '../../platform/endpointQueries';

/** Competitor list, loss reasons, competitors on an opportunity and the loss report. */
export const competitionKeys = {
  competitors: (archived: boolean) => ['competitors', archived] as const,
  allCompetitors: ['competitors'] as const,
  lossReasons: ['loss-reasons'] as const,
  onOpportunity: (id: string) => ['opportunities', 'competitors', id] as const,
  report: (query: LossReportQuery) => ['opportunities', 'loss-report', query] as const,
};

export const useCompetitors = (archived = false) =>
  useEndpointQuery(endpoints.competitors.list, {
    queryKey: competitionKeys.competitors(archived),
    query: archived ? { archived } : {},
    transform: (list) => list.items,
  });
export const useLossReasons = () =>
  useEndpointQuery(endpoints.lossReasons.list, { queryKey: competitionKeys.lossReasons, transform: (l) => l.items });
export const useOpportunityCompetitors = (id: string) =>
  useEndpointQuery(endpoints.opportunityCompetition.competitors, {
    queryKey: competitionKeys.onOpportunity(id),
    params: { id },
    transform: (list) => list.items,
  });
export const useLossReport = (query: LossReportQuery) =>
  useEndpointQuery(endpoints.opportunityCompetition.lossReport, { queryKey: competitionKeys.report(query), query });

// A free-entry name joins the competitor list, so saving also refreshes the list.
const useCompetitionMutation = invalidatingMutation([['opportunities'], competitionKeys.allCompetitors]);
export const usePutOpportunityCompetitors = (id: string) =>
  useCompetitionMutation((body: PutOpportunityCompetitorsBody) =>
    client(endpoints.opportunityCompetition.putCompetitors, { params: { id }, body }),
  );
export const useSaveCompetitor = () =>
  useCompetitionMutation(({ id, body }: { id?: string; body: CreateCompetitorBody | UpdateCompetitorBody }) =>
    id
      ? client(endpoints.competitors.update, { params: { id }, body: body as UpdateCompetitorBody })
      : client(endpoints.competitors.create, { body: body as CreateCompetitorBody }),
  );
const useLossReasonMutation = invalidatingMutation([competitionKeys.lossReasons]);
export const useSaveLossReason = () =>
  useLossReasonMutation(({ id, body }: { id?: string; body: CreateLossReasonBody | UpdateLossReasonBody }) =>
    id
      ? client(endpoints.lossReasons.update, { params: { id }, body: body as UpdateLossReasonBody })
      : client(endpoints.lossReasons.create, { body: body as CreateLossReasonBody }),
  );
