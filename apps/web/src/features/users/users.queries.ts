import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { endpoints, type CreateUserBody, type UpdateUserBody, type UserListQuery } from '@guanxi/contract';

export type UserFilters = Omit<UserListQuery, 'limit' | 'cursor'>;
const usersKey = ['users'] as const;

export function useUsers(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: [...usersKey, 'list', filters],
    queryFn: ({ pageParam }) => client(endpoints.users.list, { query: { ...filters, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** Active users for pickers such as "manager" (first 200 — enough for the SME teams served). */
export function useUserChoices() {
  return useQuery({
    queryKey: [...usersKey, 'choices'],
    queryFn: () => client(endpoints.users.list, { query: { limit: 200 } }).then((page) => page.items),
  });
}

/** Which users and departments the caller may manage; refreshed with every user change (moves change it). */
export function useUserManagementScope(enabled: boolean) {
  return useQuery({
    queryKey: [...usersKey, 'management-scope'],
    queryFn: () => client(endpoints.users.managementScope),
    enabled,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => client(endpoints.users.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUserBody & { id: string }) =>
      client(endpoints.users.update, { params: { id }, body }),
    // Departments show user counts, roles show how many users hold them.
    onSuccess: () =>
      Promise.all(
        [usersKey, ['departments'], ['roles']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}
