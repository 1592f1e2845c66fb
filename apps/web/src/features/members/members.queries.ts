import {
  endpoints,
  type AdjustPointsBody,
  type CelebrationQuery,
  type CreateMemberBody,
  type CreateMemberLevelBody,
  type MemberListQuery,
  type RedeemPointsBody,
  type UpdateMemberLevelBody,
  type UpdateMemberSettingsBody,
} from '@guanxi/contract';
import { keepPreviousData } from '@tanstack/react-query';
import { client } from '../../platform/api';
import {
  byOptionalId,
  invalidatingMutation,
  recordKeys,
  useEndpointQuery,
  useKeysetPages,
} from '../../platform/endpointQueries';

export type MemberFilters = Omit<MemberListQuery, 'limit' | 'cursor'>;

/** `['members']` covers lists, details, ledgers, levels, settings and analytics. */
export const memberKeys = {
  ...recordKeys<MemberFilters>('members'),
  ledger: (id: string) => ['members', 'ledger', id] as const,
  history: (id: string) => ['members', 'history', id] as const,
  value: (id: string) => ['members', 'value', id] as const,
  ofCustomer: (customerId: string) => ['members', 'customer', customerId] as const,
  levels: ['members', 'levels'] as const,
  settings: ['members', 'settings'] as const,
  analytics: ['members', 'analytics'] as const,
  celebrations: (query: CelebrationQuery) => ['members', 'celebrations', query] as const,
};

export const useMembers = (filters: MemberFilters) =>
  useKeysetPages(endpoints.members.list, { queryKey: memberKeys.list(filters), filters });
export const useMember = (id: string | undefined) =>
  useEndpointQuery(endpoints.members.get, byOptionalId(id, memberKeys.detail));
export const useMemberLedger = (id: string) =>
  useKeysetPages(endpoints.members.ledger, { queryKey: memberKeys.ledger(id), params: { id }, pageSize: 20 });
export const useMemberLevelHistory = (id: string) =>
  useEndpointQuery(endpoints.members.levelHistory, { queryKey: memberKeys.history(id), params: { id } });
export const useMemberValue = (id: string) =>
  useEndpointQuery(endpoints.members.value, { queryKey: memberKeys.value(id), params: { id } });
export const useCustomerMember = (customerId: string) =>
  useEndpointQuery(endpoints.members.ofCustomer, {
    queryKey: memberKeys.ofCustomer(customerId),
    params: { id: customerId },
  });
export const useMemberLevels = () =>
  useEndpointQuery(endpoints.members.levels, { queryKey: memberKeys.levels, transform: (r) => r.items });
export const useMemberSettings = () => useEndpointQuery(endpoints.members.settings, { queryKey: memberKeys.settings });
export const useMemberAnalytics = () =>
  useEndpointQuery(endpoints.members.analytics, { queryKey: memberKeys.analytics });
export const useCelebrations = (query: CelebrationQuery) =>
  useEndpointQuery(endpoints.members.celebrations, {
    queryKey: memberKeys.celebrations(query),
    query,
    placeholderData: keepPreviousData,
  });

const useMemberMutation = invalidatingMutation([memberKeys.all]);

export const useEnrolMember = () =>
  useMemberMutation((body: CreateMemberBody) => client(endpoints.members.create, { body }));
export const useRedeemPoints = () =>
  useMemberMutation(({ id, body }: { id: string; body: RedeemPointsBody }) =>
    client(endpoints.members.redeem, { params: { id }, body }),
  );
export const useAdjustPoints = () =>
  useMemberMutation(({ id, body }: { id: string; body: AdjustPointsBody }) =>
    client(endpoints.members.adjust, { params: { id }, body }),
  );
export const useCreateLevel = () =>
  useMemberMutation((body: CreateMemberLevelBody) => client(endpoints.members.createLevel, { body }));
export const useUpdateLevel = () =>
  useMemberMutation(({ id, body }: { id: string; body: UpdateMemberLevelBody }) =>
    client(endpoints.members.updateLevel, { params: { id }, body }),
  );
export const useUpdateMemberSettings = () =>
  useMemberMutation((body: UpdateMemberSettingsBody) => client(endpoints.members.updateSettings, { body }));
