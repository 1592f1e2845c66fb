import { endpoints, type TodoStatus } from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery } from '../../platform/endpointQueries';

/** The bell asks for the unread count this often (and whenever the window regains focus). */
const POLL_MS = 45_000;

export const noticeKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  list: ['notifications', 'list'] as const,
};
export const todoKeys = {
  all: ['todos'] as const,
  list: (status: TodoStatus) => ['todos', 'list', status] as const,
};

export function useUnreadCount() {
  return useEndpointQuery(endpoints.notifications.unreadCount, {
    queryKey: noticeKeys.unread,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
}

/** The latest notifications, fetched when the bell opens. */
export function useNotifications(enabled: boolean) {
  return useEndpointQuery(endpoints.notifications.list, {
    queryKey: noticeKeys.list,
    query: { limit: 20 },
    enabled,
    staleTime: 0,
  });
}

const useNoticeMutation = invalidatingMutation([noticeKeys.all]);

export const useMarkRead = () =>
  useNoticeMutation((id: string) => client(endpoints.notifications.markRead, { params: { id } }));
export const useMarkAllRead = () => useNoticeMutation(() => client(endpoints.notifications.markAllRead));

export function useTodos(status: TodoStatus) {
  return useEndpointQuery(endpoints.todos.list, {
    queryKey: todoKeys.list(status),
    query: { status, limit: 200 },
    refetchInterval: POLL_MS,
  });
}

const useTodoMutation = invalidatingMutation([todoKeys.all]);

export const useMarkTodoDone = () => useTodoMutation((id: string) => client(endpoints.todos.done, { params: { id } }));
