import type {
  Attachment,
  CreateFollowUpBody,
  CreateVisitBody,
  FollowUp,
  FollowUpPage,
  FollowUpType,
  FollowUpTypeList,
  NeglectedCustomers,
  TeamActivity,
  TeamActivityQuery,
  UpdateFollowUpBody,
  Visit,
  VisitList,
  VisitListQuery,
} from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';
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
    queryFn: ({ pageParam }) => api.get<FollowUpPage>('/follow-ups', { ...parent, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useFollowUpTypes() {
  return useQuery({
    queryKey: followUpKeys.types,
    queryFn: () => api.get<FollowUpTypeList>('/follow-up-types'),
    staleTime: 5 * 60_000,
  });
}

export function useSaveFollowUpTypes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: FollowUpType[]) => api.put<FollowUpTypeList>('/follow-up-types', { items }),
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
  api.post<Attachment>(`/follow-ups/${followUpId}/attachments`, {
    fileName: file.name,
    contentBase64: await toBase64(file),
  });

export function useCreateFollowUp() {
  const invalidate = useInvalidateAfterFollowUp();
  return useMutation({
    mutationFn: (body: CreateFollowUpBody) => api.post<FollowUp>('/follow-ups', body),
    onSuccess: invalidate,
  });
}

export function useUpdateFollowUp() {
  const invalidate = useInvalidateAfterFollowUp();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateFollowUpBody }) =>
      api.patch<FollowUp>(`/follow-ups/${id}`, body),
    onSuccess: invalidate,
  });
}

/** After a 409 the edit form reloads the follow-up as it is now (its fields and version). */
export const fetchFollowUp = (id: string) => api.get<FollowUp>(`/follow-ups/${id}`);

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
  return useMutation({ mutationFn: (id: string) => api.delete(`/follow-ups/${id}`), onSuccess: invalidate });
}

export function useCheckIn() {
  const invalidate = useInvalidateAfterFollowUp();
  return useMutation({
    mutationFn: (body: CreateVisitBody) => api.post<Visit>('/visits', body),
    onSuccess: invalidate,
  });
}

export function useVisits(query: VisitListQuery, enabled = true) {
  return useQuery({
    queryKey: followUpKeys.visits(query),
    queryFn: () => api.get<VisitList>('/visits', { ...query }),
    enabled,
  });
}

export function useTeamActivity(query: TeamActivityQuery) {
  return useQuery({
    queryKey: followUpKeys.team(query),
    queryFn: () => api.get<TeamActivity>('/team-activity', { ...query }),
  });
}

export function useNeglectedCustomers() {
  return useQuery({
    queryKey: followUpKeys.neglected,
    queryFn: () => api.get<NeglectedCustomers>('/team-activity/neglected'),
  });
}
