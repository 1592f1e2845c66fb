import { endpoints, type CreateTaskBody, type TaskListQuery, type UpdateTaskBody } from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';

export type TaskFilters = Omit<TaskListQuery, 'limit' | 'cursor'>;
const tasksKey = ['tasks'] as const;

export function useTasks(filters: TaskFilters) {
  return useInfiniteQuery({
    queryKey: [...tasksKey, 'list', filters],
    queryFn: ({ pageParam }) => client(endpoints.tasks.list, { query: { ...filters, limit: 50, cursor: pageParam } }),
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
      // An existing task gets the update shape (with version), a new one the create shape.
      id
        ? client(endpoints.tasks.update, { params: { id }, body: body as UpdateTaskBody })
        : client(endpoints.tasks.create, { body: body as CreateTaskBody }),
    onSuccess: invalidate,
  });
}

export function useCompleteTask() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: (id: string) => client(endpoints.tasks.complete, { params: { id } }),
    onSuccess: invalidate,
  });
}

export function useDeleteTask() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: (id: string) => client(endpoints.tasks.delete, { params: { id } }),
    onSuccess: invalidate,
  });
}
