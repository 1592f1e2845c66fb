import type { Organization, UpdateOrganizationBody } from '@guanxi/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';
import { meKey } from '../../platform/session.queries';

const organizationKey = ['organization'] as const;

/** The signed-in user's own organization: name and login code. */
export function useOrganization() {
  return useQuery({ queryKey: organizationKey, queryFn: () => api.get<Organization>('/organization') });
}

export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganizationBody) => api.patch<Organization>('/organization', body),
    onSuccess: (organization) => {
      queryClient.setQueryData(organizationKey, organization);
      // The profile carries the code too.
      void queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}
