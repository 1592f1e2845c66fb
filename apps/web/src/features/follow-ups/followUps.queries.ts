import {
  endpoints,
  type CreateFollowUpBody,
  type CreateVisitBody,
  type FollowUpType,
  type TeamActivityQuery,
  type UpdateFollowUpBody,
  type VisitListQuery,
} from '@guanxi/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery, useKeysetPages } from '../../platform/endpointQueries';
import { customerKeys } from '../customers';
import { ownershipKeys } from '../pools';
import { uploadForm } from '../../platform/uploadForm';

/** Whose follow-ups a list shows: a customer's, a lead's, an opportunity's, or the caller's own. */
export type FollowUpParent =
  { customerId: string } | { leadId: string } | { opportunityId: string } | Record<string, never>;

/** What a follow-up is written on: a customer, a lead, or an opportunity (with its customer). */
export type FollowUpTarget =
  { customerId: string } | { leadId: string } | { customerId: string; opportunityId: string };

/** The list a target's follow-ups are in: an opportunity's own, not its customer's. */
export const listParentOf = (target: FollowUpTarget): FollowUpParent =>
  'opportunityId' in target ? { opportunityId: target.opportunityId } : target;

export const followUpKeys = {
  all: ['follow-ups'] as const,
  list: (parent: FollowUpParent) => ['follow-ups', 'list', parent] as const,
  types: ['follow-up-types'] as const,
  visits: (query: VisitListQuery) => ['visits', query] as const,
  team: (query: TeamActivityQuery) => ['team-activity', query] as const,
  neglected: ['team-activity', 'neglected'] as const,
};

/** Newest first, 50 a page, by cursor. */
export const useFollowUps = (parent: FollowUpParent) =>
  useKeysetPages(endpoints.followUps.list, { queryKey: followUpKeys.list(parent), filters: parent });

export const useFollowUpTypes = () =>
  useEndpointQuery(endpoints.followUpTypes.list, { queryKey: followUpKeys.types, staleTime: 5 * 60_000 });

export function useSaveFollowUpTypes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: FollowUpType[]) => client(endpoints.followUpTypes.put, { body: { items } }),
    onSuccess: (list) => queryClient.setQueryData(followUpKeys.types, list),
  });
}

/**
 * A follow-up moves the customer's reclaim clock and next contact time: its ownership badge,
 * timeline and the to-do inbox (customers to contact, about to be reclaimed) reload.
 */
const useFollowUpMutation = invalidatingMutation([
  followUpKeys.all,
  ownershipKeys.all,
  customerKeys.all,
  ['visits'],
  ['todos'],
]);
const useTimelineMutation = invalidatingMutation([followUpKeys.all]);

/** One multipart upload per file; the server streams it to disk and checks its type. */
export const uploadAttachment = (followUpId: string, file: File) =>
  client(endpoints.followUps.uploadAttachment, { params: { id: followUpId }, body: uploadForm(file) });

export const useCreateFollowUp = () =>
  useFollowUpMutation((body: CreateFollowUpBody) => client(endpoints.followUps.create, { body }));
export const useUpdateFollowUp = () =>
  useFollowUpMutation(({ id, body }: { id: string; body: UpdateFollowUpBody }) =>
    client(endpoints.followUps.update, { params: { id }, body }),
  );

/** After a 409 the edit form reloads the follow-up as it is now (its fields and version). */
export const fetchFollowUp = (id: string) => client(endpoints.followUps.get, { params: { id } });

/** Adds a file to a follow-up that already exists; the timeline reloads to show the link. */
export const useAddAttachment = () =>
  useTimelineMutation(({ followUpId, file }: { followUpId: string; file: File }) => uploadAttachment(followUpId, file));

export const useDeleteFollowUp = () =>
  useFollowUpMutation((id: string) => client(endpoints.followUps.delete, { params: { id } }));
export const useCheckIn = () =>
  useFollowUpMutation((body: CreateVisitBody) => client(endpoints.visits.checkIn, { body }));

export const useVisits = (query: VisitListQuery, enabled = true) =>
  useEndpointQuery(endpoints.visits.list, { queryKey: followUpKeys.visits(query), query, enabled });
export const useTeamActivity = (query: TeamActivityQuery) =>
  useEndpointQuery(endpoints.teamActivity.get, { queryKey: followUpKeys.team(query), query });
export const useNeglectedCustomers = () =>
  useEndpointQuery(endpoints.teamActivity.neglected, { queryKey: followUpKeys.neglected });
