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
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';

export type ReportFilters = Omit<WorkReportListQuery, 'limit' | 'cursor'>;
const reportsKey = ['work-reports'] as const;

export function useReports(filters: ReportFilters) {
  return useInfiniteQuery({
    queryKey: [...reportsKey, 'list', filters],
    queryFn: ({ pageParam }) =>
      client(endpoints.workReports.list, { query: { ...filters, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useReport(id: string | undefined) {
  return useQuery({
    queryKey: [...reportsKey, 'detail', id],
    queryFn: () => client(endpoints.workReports.get, { params: { id: id ?? '' } }),
    enabled: id !== undefined,
  });
}

export function useReportPreview(kind: ReportKind, period: string, enabled: boolean) {
  return useQuery({
    queryKey: [...reportsKey, 'preview', kind, period],
    queryFn: () => client(endpoints.workReports.counts, { query: { kind, period } }),
    enabled,
  });
}

export function useReportStats(query: ReportStatsQuery) {
  return useQuery({
    queryKey: [...reportsKey, 'stats', query],
    queryFn: () => client(endpoints.workReports.stats, { query: { ...query } }),
  });
}

export function useReportSettings() {
  return useQuery({
    queryKey: [...reportsKey, 'settings'],
    queryFn: () => client(endpoints.workReports.settings),
  });
}

function useInvalidateReports() {
  const queryClient = useQueryClient();
  return () => Promise.all([reportsKey, ['todos']].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useSaveReportSettings() {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: (body: WorkReportSettings) => client(endpoints.workReports.putSettings, { body }),
    onSuccess: invalidate,
  });
}

export function useCreateReport() {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: (body: CreateWorkReportBody) => client(endpoints.workReports.create, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateReport() {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateWorkReportBody }) =>
      client(endpoints.workReports.update, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useSubmitReport() {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      client(endpoints.workReports.submit, { params: { id }, body: { version } }),
    onSuccess: invalidate,
  });
}

export function useReviewReport() {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReviewWorkReportBody }) =>
      client(endpoints.workReports.review, { params: { id }, body }),
    onSuccess: invalidate,
  });
}
