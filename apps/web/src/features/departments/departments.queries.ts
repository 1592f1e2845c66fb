import { endpoints, type CreateDepartmentBody, type UpdateDepartmentBody } from '@guanxi/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';

const departmentsKey = ['departments'] as const;

/** All departments of the organization, flat, each with its parentId. */
export function useDepartments(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: departmentsKey,
    queryFn: () => client(endpoints.departments.list).then((list) => list.items),
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
    queryFn: () => client(endpoints.departments.managementScope),
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
    mutationFn: (body: CreateDepartmentBody) => client(endpoints.departments.create, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateDepartment() {
  const invalidate = useInvalidateDepartments();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateDepartmentBody & { id: string }) =>
      client(endpoints.departments.update, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useDeleteDepartment() {
  const invalidate = useInvalidateDepartments();
  return useMutation({
    mutationFn: (id: string) => client(endpoints.departments.delete, { params: { id } }),
    onSuccess: invalidate,
  });
}
