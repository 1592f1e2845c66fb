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

const useRoleMutation = invalidatingMutation([rolesKey]);
// The signed-in user's own permissions may have changed.
const useRoleGrantsMutation = invalidatingMutation([rolesKey, ['auth', 'me']]);

export const useCreateRole = () => useRoleMutation((body: CreateRoleBody) => client(endpoints.roles.create, { body }));
export const useUpdateRole = () =>
  useRoleGrantsMutation(({ id, ...body }: UpdateRoleBody & { id: string }) =>
    client(endpoints.roles.update, { params: { id }, body }),
  );
export const useDeleteRole = () => useRoleMutation((id: string) => client(endpoints.roles.delete, { params: { id } }));
