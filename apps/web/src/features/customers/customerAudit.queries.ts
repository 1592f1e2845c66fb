import { endpoints } from '@guanxi/contract';
import { useQuery } from '@tanstack/react-query';
import { client } from '../../platform/api';

/** A customer's audit entries (newest first); only asked for when the user may read the audit log. */
export function useCustomerAudit(customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['customers', 'audit', customerId] as const,
    queryFn: () => client(endpoints.auditLog.list, { query: { entity: 'customer', entityId: customerId, limit: 100 } }),
    enabled,
    retry: false,
  });
}
