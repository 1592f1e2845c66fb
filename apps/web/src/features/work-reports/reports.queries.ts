import {
  endpoints,
  type CreateWorkReportBody,
  type ReportKind,
  type ReportStatsQuery,
  type ReviewWorkReportBody,
  type UpdateWorkReportBody,
  type WorkReportListQuery,
  type WorkReportSettings,
} from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery, useKeysetPages } from '../../platform/endpointQueries';

export type ReportFilters = Omit<WorkReportListQuery, 'limit' | 'cursor'>;
const reportsKey = ['work-reports'] as const;

export const useReports = (filters: ReportFilters) =>
  useKeysetPages(endpoints.workReports.list, { queryKey: [...reportsKey, 'list', filters], filters });

export function useReport(id: string | undefined) {
  return useEndpointQuery(endpoints.workReports.get, {
    queryKey: [...reportsKey, 'detail', id],
    params: { id: id ?? '' },
    enabled: id !== undefined,
  });
}

export function useReportPreview(kind: ReportKind, period: string, enabled: boolean) {
  return useEndpointQuery(endpoints.workReports.counts, {
    queryKey: [...reportsKey, 'preview', kind, period],
    query: { kind, period },
    enabled,
  });
}

export const useReportStats = (query: ReportStatsQuery) =>
  useEndpointQuery(endpoints.workReports.stats, { queryKey: [...reportsKey, 'stats', query], query });
export const useReportSettings = () =>
  useEndpointQuery(endpoints.workReports.settings, { queryKey: [...reportsKey, 'settings'] });

/** The inbox's to-dos change with reports too. */
const useReportMutation = invalidatingMutation([reportsKey, ['todos']]);

export const useSaveReportSettings = () =>
  useReportMutation((body: WorkReportSettings) => client(endpoints.workReports.putSettings, { body }));
export const useCreateReport = () =>
  useReportMutation((body: CreateWorkReportBody) => client(endpoints.workReports.create, { body }));
export const useUpdateReport = () =>
  useReportMutation(({ id, body }: { id: string; body: UpdateWorkReportBody }) =>
    client(endpoints.workReports.update, { params: { id }, body }),
  );
export const useSubmitReport = () =>
  useReportMutation(({ id, version }: { id: string; version: number }) =>
    client(endpoints.workReports.submit, { params: { id }, body: { version } }),
  );
export const useReviewReport = () =>
  useReportMutation(({ id, body }: { id: string; body: ReviewWorkReportBody }) =>
    client(endpoints.workReports.review, { params: { id }, body }),
  );
