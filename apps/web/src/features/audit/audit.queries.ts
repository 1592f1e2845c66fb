import { endpoints, type AuditLogQuery } from '@guanxi/contract';
import { useEndpointQuery, useKeysetPages } from '../../platform/endpointQueries';

export type AuditFilters = Omit<AuditLogQuery, 'limit' | 'cursor'>;

/** The audit log the caller may read, newest first, 50 entries a page. */
export const useAuditLog = (filters: AuditFilters) =>
  useKeysetPages(endpoints.auditLog.list, { queryKey: ['audit-log', filters] as const, filters });

/** Everyone who may have acted, disabled accounts included (their past changes stay in the log). */
export function useAuditPeople() {
  return useEndpointQuery(endpoints.users.list, {
    queryKey: ['audit-log', 'people'] as const,
    query: { limit: 200, includeDisabled: true },
    transform: (page) => page.items,
  });
}
