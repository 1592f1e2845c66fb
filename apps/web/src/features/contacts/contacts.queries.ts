import type { Contact, ContactPage, ContactWriteResult, CreateContactBody, UpdateContactBody } from '@guanxi/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';

export const contactKeys = {
  all: ['contacts'] as const,
  ofCustomer: (customerId: string) => ['contacts', 'customer', customerId] as const,
};

export function useCustomerContacts(customerId: string) {
  return useQuery({
    queryKey: contactKeys.ofCustomer(customerId),
    queryFn: () => api.get<ContactPage>(`/customers/${customerId}/contacts`),
  });
}

function useInvalidateContacts() {
  const queryClient = useQueryClient();
  // Making one contact primary changes its siblings too: reload the whole list.
  return () => queryClient.invalidateQueries({ queryKey: contactKeys.all });
}

export function useCreateContact() {
  const invalidate = useInvalidateContacts();
  return useMutation({
    mutationFn: (body: CreateContactBody) => api.post<ContactWriteResult>('/contacts', body),
    onSuccess: invalidate,
  });
}

export function useUpdateContact() {
  const invalidate = useInvalidateContacts();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateContactBody }) =>
      api.patch<ContactWriteResult>(`/contacts/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteContact() {
  const invalidate = useInvalidateContacts();
  return useMutation({
    mutationFn: (contact: Contact) => api.delete(`/contacts/${contact.id}`),
    onSuccess: invalidate,
  });
}
