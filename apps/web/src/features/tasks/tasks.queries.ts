import type { CreateTaskBody, Task, TaskListQuery, TaskPage, UpdateTaskBody } from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';

export type TaskFilters = Omit<TaskListQuery, 'limit' | 'cursor'>;
const tasksKey = ['tasks'] as const;

export function useTasks(filters: TaskFilters) {
  return useInfiniteQuery({
    queryKey: [...tasksKey, 'list', filters],
    queryFn: ({ pageParam }) => api.get<TaskPage>('/tasks', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** Task changes also change the inbox's "tasks due". */
function useInvalidateTasks() {
  const queryClient = useQueryClient();
  return () => Promise.all([tasksKey, ['todos']].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useSaveTask() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreateTaskBody | UpdateTaskBody }) =>
      id ? api.patch<Task>(`/tasks/${id}`, body) : api.post<Task>('/tasks', body),
    onSuccess: invalidate,
  });
}

export function useCompleteTask() {
  const invalidate = useInvalidateTasks();
  return useMutation({ mutationFn: (id: string) => api.post<Task>(`/tasks/${id}/complete`), onSuccess: invalidate });
}

export function useDeleteTask() {
  const invalidate = useInvalidateTasks();
  return useMutation({ mutationFn: (id: string) => api.delete(`/tasks/${id}`), onSuccess: invalidate });
}
