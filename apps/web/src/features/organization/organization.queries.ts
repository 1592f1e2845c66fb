import { endpoints, type UpdateOrganizationBody } from '@guanxi/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { meKey } from '../../platform/session.queries';

const organizationKey = ['organization'] as const;

/** The signed-in user's own organization: name and login code. */
export function useOrganization() {
  return useQuery({ queryKey: organizationKey, queryFn: () => client(endpoints.organization.get) });
}

export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganizationBody) => client(endpoints.organization.update, { body }),
    onSuccess: (organization) => {
      queryClient.setQueryData(organizationKey, organization);
      // The profile carries the code too.
      void queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}
