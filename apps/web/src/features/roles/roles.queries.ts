import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';
import type { CreateRoleBody, Role, UpdateRoleBody } from '@guanxi/contract';

const rolesKey = ['roles'] as const;

export function useRoles(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: rolesKey,
    queryFn: () => api.get<{ items: Role[] }>('/roles').then((list) => list.items),
    enabled: options.enabled,
  });
}

export function useCreateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRoleBody) => api.post<Role>('/roles', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rolesKey }),
  });
}

export function useUpdateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateRoleBody & { id: string }) => api.patch<Role>(`/roles/${id}`, body),
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
    mutationFn: (id: string) => api.delete(`/roles/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rolesKey }),
  });
}
