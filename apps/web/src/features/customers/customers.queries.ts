import {
  endpoints,
  type CreateCustomerBody,
  type Customer,
  type CustomerListQuery,
  type DuplicateQuery,
  type UpdateCustomerBody,
} from '@guanxi/contract';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { recordKeys, useEndpointQuery, useKeysetPages } from '../../platform/endpointQueries';

/** List filters the screen controls; paging is handled by the hook. */
export type CustomerFilters = Omit<CustomerListQuery, 'limit' | 'cursor'>;

export const customerKeys = recordKeys<CustomerFilters>('customers');

/** Keyset-paginated customer list: each page asks for the rows after the previous cursor. */
export const useCustomers = (filters: CustomerFilters) =>
  useKeysetPages(endpoints.customers.list, { queryKey: customerKeys.list(filters), filters });

/** Only the count of a filtered list (one row fetched), e.g. for dashboards. */
export const customerCountKey = (filters: CustomerFilters) => ['customers', 'count', filters] as const;

export function fetchCustomerCount(filters: CustomerFilters) {
  return client(endpoints.customers.list, { query: { ...filters, limit: 1 } }).then((page) => ({
    total: page.total ?? page.items.length,
    isEstimate: page.totalIsEstimate ?? false,
  }));
}

export const customerQueryOptions = (id: string) =>
  queryOptions({
    queryKey: customerKeys.detail(id),
    queryFn: () => client(endpoints.customers.get, { params: { id } }),
  });

export function useCustomer(id: string) {
  return useQuery(customerQueryOptions(id));
}

/**
 * A write answers the customer (a delete nothing): it goes into the cache as the detail, and lists
 * and counts reload; a deleted customer's detail is about to be left.
 */
function useCustomerMutation<Variables, Result extends Customer | void>(
  mutationFn: (variables: Variables) => Promise<Result>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (result) => {
      const customer: Customer | void = result;
      if (customer) queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      return queryClient.invalidateQueries({
        queryKey: customerKeys.all,
        predicate: (query) => query.queryKey[1] !== 'detail',
      });
    },
  });
}

export const useCreateCustomer = () =>
  useCustomerMutation((body: CreateCustomerBody) => client(endpoints.customers.create, { body }));
export const useUpdateCustomer = (id: string) =>
  useCustomerMutation((body: UpdateCustomerBody) => client(endpoints.customers.update, { params: { id }, body }));
export const useDeleteCustomer = () =>
  useCustomerMutation((id: string) => client(endpoints.customers.delete, { params: { id } }));
export const useRestoreCustomer = () =>
  useCustomerMutation((id: string) => client(endpoints.customers.restore, { params: { id } }));

/**
 * The duplicate check the form runs when a key field loses focus (domain §4): matches by phone,
 * email or credit code would block saving; similar names only warn.
 */
export function useDuplicateCheck(query: DuplicateQuery) {
  const { excludeId, ...keys } = query;
  return useEndpointQuery(endpoints.duplicates.find, {
    queryKey: ['duplicates', query],
    query,
    transform: (result) => result.matches,
    enabled: Object.values(keys).some(Boolean) && excludeId !== '',
    staleTime: 30_000,
  });
}
