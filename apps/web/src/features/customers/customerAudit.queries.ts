import type { AuditPage } from '@guanxi/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../platform/api';

/** A customer's audit entries (newest first); only asked for when the user may read the audit log. */
export function useCustomerAudit(customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['customers', 'audit', customerId] as const,
    queryFn: () => api.get<AuditPage>('/audit-log', { entity: 'customer', entityId: customerId, limit: 100 }),
    enabled,
    retry: false,
  });
}
