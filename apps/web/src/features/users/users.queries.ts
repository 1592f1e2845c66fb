import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery, useKeysetPages } from '../../platform/endpointQueries';
import { endpoints, type CreateUserBody, type UpdateUserBody, type UserListQuery } from '@guanxi/contract';

export type UserFilters = Omit<UserListQuery, 'limit' | 'cursor'>;
const usersKey = ['users'] as const;

export const useUsers = (filters: UserFilters) =>
  useKeysetPages(endpoints.users.list, { queryKey: [...usersKey, 'list', filters], filters });

/** Active users for pickers such as "manager" (first 200 — enough for the SME teams served). */
export function useUserChoices() {
  return useEndpointQuery(endpoints.users.list, {
    queryKey: [...usersKey, 'choices'],
    query: { limit: 200 },
    transform: (page) => page.items,
  });
}

/** Active colleagues by name (anyone signed in may read them): whom work can be handed to. */
export const useColleagues = () =>
  useEndpointQuery(endpoints.users.directory, {
    queryKey: [...usersKey, 'directory'],
    staleTime: 5 * 60_000,
    transform: (list) => list.items,
  });

/** Which users and departments the caller may manage; refreshed with every user change (moves change it). */
export const useUserManagementScope = (enabled: boolean) =>
  useEndpointQuery(endpoints.users.managementScope, { queryKey: [...usersKey, 'management-scope'], enabled });

const useUserMutation = invalidatingMutation([usersKey]);
// Departments show user counts, roles show how many users hold them.
const useUserMoveMutation = invalidatingMutation([usersKey, ['departments'], ['roles']]);

export const useCreateUser = () => useUserMutation((body: CreateUserBody) => client(endpoints.users.create, { body }));
export const useUpdateUser = () =>
  useUserMoveMutation(({ id, ...body }: UpdateUserBody & { id: string }) =>
    client(endpoints.users.update, { params: { id }, body }),
  );
