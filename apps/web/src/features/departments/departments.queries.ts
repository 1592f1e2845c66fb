import { endpoints, type CreateDepartmentBody, type UpdateDepartmentBody } from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery } from '../../platform/endpointQueries';

const departmentsKey = ['departments'] as const;

/** All departments of the organization, flat, each with its parentId. */
export function useDepartments(options: { enabled?: boolean } = {}) {
  return useEndpointQuery(endpoints.departments.list, {
    queryKey: departmentsKey,
    transform: (list) => list.items,
    enabled: options.enabled,
  });
}

/**
 * Which departments the caller may change and move. Under the departments key, so every department
 * change refreshes it (a new sub-department in one's tree is covered too).
 */
export const useDepartmentManagementScope = (enabled: boolean) =>
  useEndpointQuery(endpoints.departments.managementScope, {
    queryKey: [...departmentsKey, 'management-scope'],
    enabled,
  });

// Users show their department's name, so their lists change too.
const useDepartmentMutation = invalidatingMutation([departmentsKey, ['users']]);

export const useCreateDepartment = () =>
  useDepartmentMutation((body: CreateDepartmentBody) => client(endpoints.departments.create, { body }));
export const useUpdateDepartment = () =>
  useDepartmentMutation(({ id, ...body }: UpdateDepartmentBody & { id: string }) =>
    client(endpoints.departments.update, { params: { id }, body }),
  );
export const useDeleteDepartment = () =>
  useDepartmentMutation((id: string) => client(endpoints.departments.delete, { params: { id } }));
