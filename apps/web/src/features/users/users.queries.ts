import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';
import type {
  CreateUserBody,
  UpdateUserBody,
  User,
  UserListQuery,
  UserManagementScope,
  UserPage,
} from '@guanxi/contract';

export type UserFilters = Omit<UserListQuery, 'limit' | 'cursor'>;
const usersKey = ['users'] as const;

export function useUsers(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: [...usersKey, 'list', filters],
    queryFn: ({ pageParam }) => api.get<UserPage>('/users', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** Active users for pickers such as "manager" (first 200 — enough for the SME teams served). */
export function useUserChoices() {
  return useQuery({
    queryKey: [...usersKey, 'choices'],
    queryFn: () => api.get<UserPage>('/users', { limit: 200 }).then((page) => page.items),
  });
}

/** Which users and departments the caller may manage; refreshed with every user change (moves change it). */
export function useUserManagementScope(enabled: boolean) {
  return useQuery({
    queryKey: [...usersKey, 'management-scope'],
    queryFn: () => api.get<UserManagementScope>('/users/management-scope'),
    enabled,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api.post<User>('/users', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUserBody & { id: string }) => api.patch<User>(`/users/${id}`, body),
    // Departments show user counts, roles show how many users hold them.
    onSuccess: () =>
      Promise.all(
        [usersKey, ['departments'], ['roles']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}
