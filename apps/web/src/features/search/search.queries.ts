import { endpoints } from '@guanxi/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { client } from '../../platform/api';

/** The header's quick search over customers and contacts (design §3 tokens: 华为, hw, phone suffix). */
export function useQuickSearch(q: string) {
  const query = q.trim().slice(0, 64);
  return useQuery({
    queryKey: ['search', query],
    queryFn: () => client(endpoints.search.quick, { query: { q: query, limit: 8 } }),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
