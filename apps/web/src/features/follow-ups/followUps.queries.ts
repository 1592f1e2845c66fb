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

/** Whose follow-ups a list shows: a customer's, a lead's, or the caller's own. */
export type FollowUpParent = { customerId: string } | { leadId: string } | Record<string, never>;

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

/** A follow-up moves the customer's reclaim clock: its ownership badge and timeline reload. */
const useFollowUpMutation = invalidatingMutation([followUpKeys.all, ownershipKeys.all, customerKeys.all, ['visits']]);
const useTimelineMutation = invalidatingMutation([followUpKeys.all]);

export const toBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });

/** The server takes files as base64 JSON (no multipart); one request per file. */
export const uploadAttachment = async (followUpId: string, file: File) =>
  client(endpoints.followUps.uploadAttachment, {
    params: { id: followUpId },
    body: {
      fileName: file.name,
      contentBase64: await toBase64(file),
    },
  });

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
