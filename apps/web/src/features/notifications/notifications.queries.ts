import { endpoints, type TodoStatus } from '@guanxi/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';

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
  return useQuery({
    queryKey: noticeKeys.unread,
    queryFn: () => client(endpoints.notifications.unreadCount),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
}

/** The latest notifications, fetched when the bell opens. */
export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: noticeKeys.list,
    queryFn: () => client(endpoints.notifications.list, { query: { limit: 20 } }),
    enabled,
    staleTime: 0,
  });
}

function useInvalidateNotices() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: noticeKeys.all });
}

export function useMarkRead() {
  const invalidate = useInvalidateNotices();
  return useMutation({
    mutationFn: (id: string) => client(endpoints.notifications.markRead, { params: { id } }),
    onSuccess: invalidate,
  });
}

export function useMarkAllRead() {
  const invalidate = useInvalidateNotices();
  return useMutation({
    mutationFn: () => client(endpoints.notifications.markAllRead),
    onSuccess: invalidate,
  });
}

export function useTodos(status: TodoStatus) {
  return useQuery({
    queryKey: todoKeys.list(status),
    queryFn: () => client(endpoints.todos.list, { query: { status, limit: 200 } }),
    refetchInterval: POLL_MS,
  });
}

export function useMarkTodoDone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client(endpoints.todos.done, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: todoKeys.all }),
  });
}
