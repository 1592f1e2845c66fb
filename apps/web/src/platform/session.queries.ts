import {
  authEndpoints,
  type ChangePasswordBody,
  type Locale,
  type LoginBody,
  type Me,
  type Permission,
} from '@guanxi/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from './api';
import { setOrgTimeZone } from './orgToday';

export const meKey = ['auth', 'me'] as const;

/** The signed-in user; every page under the layout needs it. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      const me = await client(authEndpoints.me);
      setOrgTimeZone(me.orgTimeZone);
      return me;
    },
    staleTime: 5 * 60_000,
  });
}

export function useHasPermission(permission: Permission): boolean {
  const { data } = useMe();
  return data?.permissions.includes(permission) ?? false;
}

/** Whether sign-in must name the organization (the installation hosts several). */
export function useLoginOptions() {
  return useQuery({
    queryKey: ['auth', 'login-options'],
    queryFn: () => client(authEndpoints.loginOptions, { skipAuthRedirect: true }),
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => client(authEndpoints.login, { body, skipAuthRedirect: true }),
    onSuccess: () => queryClient.clear(),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client(authEndpoints.logout),
    onSettled: () => queryClient.clear(),
  });
}

export function useUpdateMyLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => client(authEndpoints.updateMe, { body: { locale } }),
    // Optimistic, so the layout's "follow the profile's locale" effect never switches back.
    onMutate: (locale: Locale) => {
      queryClient.setQueryData<Me>(meKey, (me) => (me ? { ...me, locale } : me));
    },
    onSuccess: (me) => {
      // The server may answer 204; then read the profile again.
      if (me) queryClient.setQueryData(meKey, me);
      else void queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => client(authEndpoints.changePassword, { body }),
  });
}
