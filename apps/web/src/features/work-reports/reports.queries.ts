import type {
  CreateWorkReportBody,
  ReportCountsPreview,
  ReportKind,
  ReportStats,
  ReportStatsQuery,
  ReviewWorkReportBody,
  UpdateWorkReportBody,
  WorkReport,
  WorkReportListQuery,
  WorkReportPage,
  WorkReportSettings,
} from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';

export type ReportFilters = Omit<WorkReportListQuery, 'limit' | 'cursor'>;
const reportsKey = ['work-reports'] as const;

export function useReports(filters: ReportFilters) {
  return useInfiniteQuery({
    queryKey: [...reportsKey, 'list', filters],
    queryFn: ({ pageParam }) => api.get<WorkReportPage>('/work-reports', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useReport(id: string | undefined) {
  return useQuery({
    queryKey: [...reportsKey, 'detail', id],
    queryFn: () => api.get<WorkReport>(`/work-reports/${id}`),
    enabled: id !== undefined,
  });
}

export function useReportPreview(kind: ReportKind, period: string, enabled: boolean) {
  return useQuery({
    queryKey: [...reportsKey, 'preview', kind, period],
    queryFn: () => api.get<ReportCountsPreview>('/work-reports/counts', { kind, period }),
    enabled,
  });
}

export function useReportStats(query: ReportStatsQuery) {
  return useQuery({
    queryKey: [...reportsKey, 'stats', query],
    queryFn: () => api.get<ReportStats>('/work-reports/stats', { ...query }),
  });
}

export function useReportSettings() {
  return useQuery({
    queryKey: [...reportsKey, 'settings'],
    queryFn: () => api.get<WorkReportSettings>('/work-reports/settings'),
  });
}

function useInvalidateReports() {
  const queryClient = useQueryClient();
  return () => Promise.all([reportsKey, ['todos']].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useSaveReportSettings() {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: (body: WorkReportSettings) => api.put<WorkReportSettings>('/work-reports/settings', body),
    onSuccess: invalidate,
  });
}

export function useCreateReport() {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: (body: CreateWorkReportBody) => api.post<WorkReport>('/work-reports', body),
    onSuccess: invalidate,
  });
}

export function useUpdateReport() {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateWorkReportBody }) =>
      api.patch<WorkReport>(`/work-reports/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useSubmitReport() {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.post<WorkReport>(`/work-reports/${id}/submit`, { version }),
    onSuccess: invalidate,
  });
}

export function useReviewReport() {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReviewWorkReportBody }) =>
      api.post<WorkReport>(`/work-reports/${id}/review`, body),
    onSuccess: invalidate,
  });
}
