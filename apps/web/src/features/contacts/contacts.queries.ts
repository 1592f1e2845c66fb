import { endpoints, type Contact, type CreateContactBody, type UpdateContactBody } from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery } from '../../platform/endpointQueries';

export const contactKeys = {
  all: ['contacts'] as const,
  ofCustomer: (customerId: string) => ['contacts', 'customer', customerId] as const,
};

export const useCustomerContacts = (customerId: string) =>
  useEndpointQuery(endpoints.contacts.listForCustomer, {
    queryKey: contactKeys.ofCustomer(customerId),
    params: { id: customerId },
  });

// Making one contact primary changes its siblings too: reload the whole list.
const useContactMutation = invalidatingMutation([contactKeys.all]);

export const useCreateContact = () =>
  useContactMutation((body: CreateContactBody) => client(endpoints.contacts.create, { body }));
export const useUpdateContact = () =>
  useContactMutation(({ id, body }: { id: string; body: UpdateContactBody }) =>
    client(endpoints.contacts.update, { params: { id }, body }),
  );
export const useDeleteContact = () =>
  useContactMutation((contact: Contact) => client(endpoints.contacts.delete, { params: { id: contact.id } }));
