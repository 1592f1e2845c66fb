import { endpoints, type CreateTaskBody, type TaskListQuery, type UpdateTaskBody } from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useKeysetPages } from '../../platform/endpointQueries';

export type TaskFilters = Omit<TaskListQuery, 'limit' | 'cursor'>;
const tasksKey = ['tasks'] as const;

export const useTasks = (filters: TaskFilters) =>
  useKeysetPages(endpoints.tasks.list, { queryKey: [...tasksKey, 'list', filters], filters });

/** Task changes also change the inbox's "tasks due". */
const useTaskMutation = invalidatingMutation([tasksKey, ['todos']]);

export const useSaveTask = () =>
  useTaskMutation(({ id, body }: { id?: string; body: CreateTaskBody | UpdateTaskBody }) =>
    // An existing task gets the update shape (with version), a new one the create shape.
    id
      ? client(endpoints.tasks.update, { params: { id }, body: body as UpdateTaskBody })
      : client(endpoints.tasks.create, { body: body as CreateTaskBody }),
  );
export const useCompleteTask = () =>
  useTaskMutation((id: string) => client(endpoints.tasks.complete, { params: { id } }));
export const useDeleteTask = () => useTaskMutation((id: string) => client(endpoints.tasks.delete, { params: { id } }));
