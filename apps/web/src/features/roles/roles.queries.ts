import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery } from '../../platform/endpointQueries';
import { endpoints, type CreateRoleBody, type UpdateRoleBody } from '@guanxi/contract';

const rolesKey = ['roles'] as const;

export function useRoles(options: { enabled?: boolean } = {}) {
  return useEndpointQuery(endpoints.roles.list, {
    queryKey: rolesKey,
    transform: (list) => list.items,
    enabled: options.enabled,
  });
}

/**
 * The live custom fields the role editor lists for field permissions (the custom-fields feature
 * itself cannot be imported here: it uses the users feature, which uses this one).
 */
export function useRoleCustomFields() {
  const fields = useEndpointQuery(endpoints.customFields.list, {
    queryKey: ['custom-fields', 'all'],
    query: {},
    transform: (list) => list.items.filter((field) => !field.archived),
  });
  return fields.data ?? [];
}

const useRoleMutation = invalidatingMutation([rolesKey]);
// The signed-in user's own permissions may have changed.
const useRoleGrantsMutation = invalidatingMutation([rolesKey, ['auth', 'me']]);

export const useCreateRole = () => useRoleMutation((body: CreateRoleBody) => client(endpoints.roles.create, { body }));
export const useUpdateRole = () =>
  useRoleGrantsMutation(({ id, ...body }: UpdateRoleBody & { id: string }) =>
    client(endpoints.roles.update, { params: { id }, body }),
  );
export const useDeleteRole = () => useRoleMutation((id: string) => client(endpoints.roles.delete, { params: { id } }));
