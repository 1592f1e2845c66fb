import {
  endpoints,
  type CreateFollowUpBody,
  type CreateVisitBody,
  type FollowUpType,
  type TeamActivityQuery,
  type UpdateFollowUpBody,
  type VisitListQuery,
} from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
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
export function useFollowUps(parent: FollowUpParent) {
  return useInfiniteQuery({
    queryKey: followUpKeys.list(parent),
    queryFn: ({ pageParam }) => client(endpoints.followUps.list, { query: { ...parent, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useFollowUpTypes() {
  return useQuery({
    queryKey: followUpKeys.types,
    queryFn: () => client(endpoints.followUpTypes.list),
    staleTime: 5 * 60_000,
  });
}

export function useSaveFollowUpTypes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: FollowUpType[]) => client(endpoints.followUpTypes.put, { body: { items } }),
    onSuccess: (list) => queryClient.setQueryData(followUpKeys.types, list),
  });
}

/** A follow-up moves the customer's reclaim clock: its ownership badge and timeline reload. */
function useInvalidateAfterFollowUp() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: followUpKeys.all }),
      queryClient.invalidateQueries({ queryKey: ownershipKeys.all }),
      queryClient.invalidateQueries({ queryKey: customerKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['visits'] }),
    ]);
}

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

export function useCreateFollowUp() {
  const invalidate = useInvalidateAfterFollowUp();
  return useMutation({
    mutationFn: (body: CreateFollowUpBody) => client(endpoints.followUps.create, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateFollowUp() {
  const invalidate = useInvalidateAfterFollowUp();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateFollowUpBody }) =>
      client(endpoints.followUps.update, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

/** After a 409 the edit form reloads the follow-up as it is now (its fields and version). */
export const fetchFollowUp = (id: string) => client(endpoints.followUps.get, { params: { id } });

/** Adds a file to a follow-up that already exists; the timeline reloads to show the link. */
export function useAddAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ followUpId, file }: { followUpId: string; file: File }) => uploadAttachment(followUpId, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: followUpKeys.all }),
  });
}

export function useDeleteFollowUp() {
  const invalidate = useInvalidateAfterFollowUp();
  return useMutation({
    mutationFn: (id: string) => client(endpoints.followUps.delete, { params: { id } }),
    onSuccess: invalidate,
  });
}

export function useCheckIn() {
  const invalidate = useInvalidateAfterFollowUp();
  return useMutation({
    mutationFn: (body: CreateVisitBody) => client(endpoints.visits.checkIn, { body }),
    onSuccess: invalidate,
  });
}

export function useVisits(query: VisitListQuery, enabled = true) {
  return useQuery({
    queryKey: followUpKeys.visits(query),
    queryFn: () => client(endpoints.visits.list, { query: { ...query } }),
    enabled,
  });
}

export function useTeamActivity(query: TeamActivityQuery) {
  return useQuery({
    queryKey: followUpKeys.team(query),
    queryFn: () => client(endpoints.teamActivity.get, { query: { ...query } }),
  });
}

export function useNeglectedCustomers() {
  return useQuery({
    queryKey: followUpKeys.neglected,
    queryFn: () => client(endpoints.teamActivity.neglected),
  });
}
