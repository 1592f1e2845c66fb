import { endpoints, type AuditLogQuery } from '@guanxi/contract';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { client } from '../../platform/api';

export type AuditFilters = Omit<AuditLogQuery, 'limit' | 'cursor'>;

/** The audit log the caller may read, newest first, 50 entries a page. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit-log', filters] as const,
    queryFn: ({ pageParam }) =>
      client(endpoints.auditLog.list, { query: { ...filters, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** Everyone who may have acted, disabled accounts included (their past changes stay in the log). */
export function useAuditPeople() {
  return useQuery({
    queryKey: ['audit-log', 'people'] as const,
    queryFn: () =>
      client(endpoints.users.list, { query: { limit: 200, includeDisabled: true } }).then((page) => page.items),
  });
}
