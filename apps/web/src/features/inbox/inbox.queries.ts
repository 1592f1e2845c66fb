import { endpoints } from '@guanxi/contract';
import { useQuery } from '@tanstack/react-query';
import { client } from '../../platform/api';

export const inboxKey = ['todos', 'inbox'] as const;

/** The signed-in user's to-do inbox, refreshed every minute and on focus. */
export function useInbox(limit = 5) {
  return useQuery({
    queryKey: [...inboxKey, limit],
    queryFn: () => client(endpoints.todoInbox.get, { query: { limit } }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}
