import {
  endpoints,
  type AssignComplaintBody,
  type ComplaintCommentBody,
  type ComplaintListQuery,
  type CreateComplaintBody,
  type CreateComplaintCategoryBody,
  type ReopenComplaintBody,
  type ResolveComplaintBody,
  type ServiceSettings,
  type UpdateComplaintCategoryBody,
} from '@guanxi/contract';
import { client } from '../../platform/api';
import { uploadForm } from '../../platform/uploadForm';
import { invalidatingMutation, useEndpointQuery, useKeysetPages } from '../../platform/endpointQueries';

export type ComplaintFilters = Omit<ComplaintListQuery, 'limit' | 'cursor'>;
const complaintsKey = ['complaints'] as const;
const settingsKey = ['service-settings'] as const;

export const useComplaints = (filters: ComplaintFilters) =>
  useKeysetPages(endpoints.complaints.list, { queryKey: [...complaintsKey, 'list', filters], filters });

export const useComplaint = (id: string) =>
  useEndpointQuery(endpoints.complaints.get, { queryKey: [...complaintsKey, 'detail', id], params: { id } });

export const useComplaintCategories = () =>
  useEndpointQuery(endpoints.complaints.categories, {
    queryKey: [...settingsKey, 'categories'],
    transform: (r) => r.items,
    staleTime: 60_000,
  });

export const useServiceSettings = () =>
  useEndpointQuery(endpoints.complaints.settings, { queryKey: [...settingsKey, 'settings'] });

const useComplaintMutation = invalidatingMutation([complaintsKey, ['notifications']]);
const useSettingsMutation = invalidatingMutation([settingsKey]);

export const useCreateComplaint = () =>
  useComplaintMutation((body: CreateComplaintBody) => client(endpoints.complaints.create, { body }));
export const useAssignComplaint = () =>
  useComplaintMutation(({ id, body }: { id: string; body: AssignComplaintBody }) =>
    client(endpoints.complaints.assign, { params: { id }, body }),
  );
export const useStartComplaint = () =>
  useComplaintMutation((id: string) => client(endpoints.complaints.start, { params: { id } }));
export const useCommentComplaint = () =>
  useComplaintMutation(({ id, body }: { id: string; body: ComplaintCommentBody }) =>
    client(endpoints.complaints.comment, { params: { id }, body }),
  );
export const useResolveComplaint = () =>
  useComplaintMutation(({ id, body }: { id: string; body: ResolveComplaintBody }) =>
    client(endpoints.complaints.resolve, { params: { id }, body }),
  );
export const useCloseComplaint = () =>
  useComplaintMutation((id: string) => client(endpoints.complaints.close, { params: { id } }));
export const useReopenComplaint = () =>
  useComplaintMutation(({ id, body }: { id: string; body: ReopenComplaintBody }) =>
    client(endpoints.complaints.reopen, { params: { id }, body }),
  );

export const useUploadComplaintAttachment = (id: string) =>
  useComplaintMutation((file: File) =>
    client(endpoints.complaints.uploadAttachment, { params: { id }, body: uploadForm(file) }),
  );
export const complaintAttachmentUrl = (id: string, attachmentId: string) =>
  `/api/v1/complaints/${id}/attachments/${attachmentId}`;

export const useSaveServiceSettings = () =>
  useSettingsMutation((body: ServiceSettings) => client(endpoints.complaints.updateSettings, { body }));
export const useCreateCategory = () =>
  useSettingsMutation((body: CreateComplaintCategoryBody) => client(endpoints.complaints.createCategory, { body }));
export const useUpdateCategory = () =>
  useSettingsMutation(({ id, body }: { id: string; body: UpdateComplaintCategoryBody }) =>
    client(endpoints.complaints.updateCategory, { params: { id }, body }),
  );

/** The service figures of a period (organization dates). */
export const useComplaintStats = (period: { from: string; to: string }) =>
  useEndpointQuery(endpoints.complaints.stats, { queryKey: [...complaintsKey, 'stats', period], query: period });
