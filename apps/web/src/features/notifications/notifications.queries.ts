import type { NotificationPage, TodoPage, TodoStatus, UnreadCount } from '@guanxi/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';

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
    queryFn: () => api.get<UnreadCount>('/notifications/unread-count'),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
}

/** The latest notifications, fetched when the bell opens. */
export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: noticeKeys.list,
    queryFn: () => api.get<NotificationPage>('/notifications', { limit: 20 }),
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
    mutationFn: (id: string) => api.post<void>(`/notifications/${id}/read`),
    onSuccess: invalidate,
  });
}

export function useMarkAllRead() {
  const invalidate = useInvalidateNotices();
  return useMutation({
    mutationFn: () => api.post<void>('/notifications/read-all'),
    onSuccess: invalidate,
  });
}

export function useTodos(status: TodoStatus) {
  return useQuery({
    queryKey: todoKeys.list(status),
    queryFn: () => api.get<TodoPage>('/todos', { status, limit: 200 }),
    refetchInterval: POLL_MS,
  });
}

export function useMarkTodoDone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/todos/${id}/done`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: todoKeys.all }),
  });
}
