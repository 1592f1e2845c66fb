import { endpoints, type BulkCustomerActionBody } from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useKeysetPages } from '../../platform/endpointQueries';
import { customerKeys } from './customers.queries';

export const DEFAULT_STALE_DAYS = 180;
const PAGE_SIZE = 100;

/** Customers neither changed nor followed up for `days` days (domain §2), oldest first. */
export function useStaleCustomers(days: number) {
  return useKeysetPages(endpoints.customers.listStale, {
    queryKey: ['customers', 'stale', days] as const,
    filters: { days },
    pageSize: PAGE_SIZE,
  });
}

const staleActions = {
  'return-to-pool': endpoints.customers.bulkReturnToPool,
  'mark-lost': endpoints.customers.bulkMarkLost,
} as const;
export type StaleAction = keyof typeof staleActions;

/** A bulk action answers per record; lists, pools and approvals may all have changed. */
const useBulkMutation = invalidatingMutation([customerKeys.all, ['pools'], ['ownership']]);

export const useStaleBulkAction = () =>
  useBulkMutation(({ action, body }: { action: StaleAction; body: BulkCustomerActionBody }) =>
    client(staleActions[action], { body }),
  );
