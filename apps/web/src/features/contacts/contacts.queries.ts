import { endpoints, type Contact, type CreateContactBody, type UpdateContactBody } from '@guanxi/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';

export const contactKeys = {
  all: ['contacts'] as const,
  ofCustomer: (customerId: string) => ['contacts', 'customer', customerId] as const,
};

export function useCustomerContacts(customerId: string) {
  return useQuery({
    queryKey: contactKeys.ofCustomer(customerId),
    queryFn: () => client(endpoints.contacts.listForCustomer, { params: { id: customerId } }),
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
    mutationFn: (body: CreateContactBody) => client(endpoints.contacts.create, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateContact() {
  const invalidate = useInvalidateContacts();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateContactBody }) =>
      client(endpoints.contacts.update, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useDeleteContact() {
  const invalidate = useInvalidateContacts();
  return useMutation({
    mutationFn: (contact: Contact) => client(endpoints.contacts.delete, { params: { id: contact.id } }),
    onSuccess: invalidate,
  });
}
