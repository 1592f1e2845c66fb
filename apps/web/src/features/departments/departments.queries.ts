import type {
  CreateDepartmentBody,
  Department,
  DepartmentManagementScope,
  UpdateDepartmentBody,
} from '@guanxi/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';

const departmentsKey = ['departments'] as const;

/** All departments of the organization, flat, each with its parentId. */
export function useDepartments(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: departmentsKey,
    queryFn: () => api.get<{ items: Department[] }>('/departments').then((list) => list.items),
    enabled: options.enabled,
  });
}

/**
 * Which departments the caller may change and move. Under the departments key, so every department
 * change refreshes it (a new sub-department in one's tree is covered too).
 */
export function useDepartmentManagementScope(enabled: boolean) {
  return useQuery({
    queryKey: [...departmentsKey, 'management-scope'],
    queryFn: () => api.get<DepartmentManagementScope>('/departments/management-scope'),
    enabled,
  });
}

function useInvalidateDepartments() {
  const queryClient = useQueryClient();
  // Users show their department's name, so their lists change too.
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: departmentsKey }),
      queryClient.invalidateQueries({ queryKey: ['users'] }),
    ]);
}

export function useCreateDepartment() {
  const invalidate = useInvalidateDepartments();
  return useMutation({
    mutationFn: (body: CreateDepartmentBody) => api.post<Department>('/departments', body),
    onSuccess: invalidate,
  });
}

export function useUpdateDepartment() {
  const invalidate = useInvalidateDepartments();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateDepartmentBody & { id: string }) =>
      api.patch<Department>(`/departments/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteDepartment() {
  const invalidate = useInvalidateDepartments();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/departments/${id}`),
    onSuccess: invalidate,
  });
}
