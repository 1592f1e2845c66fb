import { STAGES, type Stage } from '@guanxi/contract';
import { useQueries, useQuery } from '@tanstack/react-query';
import { customerCountKey, fetchCustomerCount } from '../customers';

/** How many customers the signed-in user can see (their data scope decides). */
export function useVisibleCustomerCount() {
  return useQuery({ queryKey: customerCountKey({}), queryFn: () => fetchCustomerCount({}) });
}

/**
 * Customers per lifecycle stage: one counting request per stage until the server offers a
 * grouped count.
 */
export function useStageCounts() {
  return useQueries({
    queries: STAGES.map((stage) => ({
      queryKey: customerCountKey({ stage }),
      queryFn: () => fetchCustomerCount({ stage }),
    })),
    combine: (results) => ({
      isPending: results.some((result) => result.isPending),
      error: results.find((result) => result.error)?.error ?? null,
      counts: Object.fromEntries(STAGES.map((stage, index) => [stage, results[index]?.data?.total ?? 0])) as Record<
        Stage,
        number
      >,
    }),
  });
}
