import { endpoints } from '@guanxi/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { useEndpointQuery } from '../../platform/endpointQueries';
import { uploadForm } from '../../platform/uploadForm';

/** Under `['customers']`, so every customer write (and its invalidation) refreshes them too. */
export const customer360Keys = {
  summary: (id: string) => ['customers', 'summary', id] as const,
  events: (id: string) => ['customers', 'events', id] as const,
  attachments: (id: string) => ['customers', 'attachments', id] as const,
};

export const useCustomerSummary = (id: string) =>
  useEndpointQuery(endpoints.customer360.summary, { queryKey: customer360Keys.summary(id), params: { id } });

export const useCustomerEvents = (id: string) =>
  useEndpointQuery(endpoints.customer360.events, {
    queryKey: customer360Keys.events(id),
    params: { id },
    transform: (result) => result.items,
  });

export const useCustomerAttachments = (id: string) =>
  useEndpointQuery(endpoints.customer360.listAttachments, {
    queryKey: customer360Keys.attachments(id),
    params: { id },
    transform: (result) => result.items,
  });

function useAttachmentMutation<V>(customerId: string, run: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customer360Keys.attachments(customerId) }),
  });
}

/** One multipart request per file, like follow-up files and receipts. */
export const useUploadCustomerAttachment = (customerId: string) =>
  useAttachmentMutation(customerId, (file: File) =>
    client(endpoints.customer360.uploadAttachment, { params: { id: customerId }, body: uploadForm(file) }),
  );

export const useDeleteCustomerAttachment = (customerId: string) =>
  useAttachmentMutation(customerId, (attachmentId: string) =>
    client(endpoints.customer360.deleteAttachment, { params: { id: customerId, attachmentId } }),
  );

export const customerAttachmentUrl = (customerId: string, attachmentId: string) =>
  `/api/v1/customers/${customerId}/attachments/${attachmentId}`;
