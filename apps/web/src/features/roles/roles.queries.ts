import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { endpoints, type CreateRoleBody, type UpdateRoleBody } from '@guanxi/contract';

const rolesKey = ['roles'] as const;

export function useRoles(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: rolesKey,
    queryFn: () => client(endpoints.roles.list).then((list) => list.items),
    enabled: options.enabled,
  });
}

export function useCreateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRoleBody) => client(endpoints.roles.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rolesKey }),
  });
}

export function useUpdateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateRoleBody & { id: string }) =>
      client(endpoints.roles.update, { params: { id }, body }),
    // The signed-in user's own permissions may have changed.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: rolesKey }),
        queryClient.invalidateQueries({ queryKey: ['auth', 'me'] }),
      ]),
  });
}

export function useDeleteRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client(endpoints.roles.delete, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rolesKey }),
  });
}
