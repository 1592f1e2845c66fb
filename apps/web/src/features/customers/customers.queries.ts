import {
  endpoints,
  type CreateCustomerBody,
  type Customer,
  type CustomerListQuery,
  type DuplicateQuery,
  type UpdateCustomerBody,
} from '@guanxi/contract';
import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';

/** List filters the screen controls; paging is handled by the hook. */
export type CustomerFilters = Omit<CustomerListQuery, 'limit' | 'cursor'>;

const PAGE_SIZE = 50;
export const customerKeys = {
  all: ['customers'] as const,
  list: (filters: CustomerFilters) => ['customers', 'list', filters] as const,
  detail: (id: string) => ['customers', 'detail', id] as const,
};

/** Keyset-paginated customer list: each page asks for the rows after the previous cursor. */
export function useCustomers(filters: CustomerFilters) {
  return useInfiniteQuery({
    queryKey: customerKeys.list(filters),
    queryFn: ({ pageParam }) =>
      client(endpoints.customers.list, { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

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

function useInvalidateCustomers() {
  const queryClient = useQueryClient();
  return (customer?: Customer) => {
    if (customer) queryClient.setQueryData(customerKeys.detail(customer.id), customer);
    // Lists and counts change; a detail is either set above or (deleted) about to be left.
    return queryClient.invalidateQueries({
      queryKey: customerKeys.all,
      predicate: (query) => query.queryKey[1] !== 'detail',
    });
  };
}

export function useCreateCustomer() {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: (body: CreateCustomerBody) => client(endpoints.customers.create, { body }),
    onSuccess: (customer) => invalidate(customer),
  });
}

export function useUpdateCustomer(id: string) {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: (body: UpdateCustomerBody) => client(endpoints.customers.update, { params: { id }, body }),
    onSuccess: (customer) => invalidate(customer),
  });
}

export function useDeleteCustomer() {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: (id: string) => client(endpoints.customers.delete, { params: { id } }),
    onSuccess: () => invalidate(),
  });
}

export function useRestoreCustomer() {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: (id: string) => client(endpoints.customers.restore, { params: { id } }),
    onSuccess: (customer) => invalidate(customer),
  });
}

/**
 * The duplicate check the form runs when a key field loses focus (domain §4): matches by phone,
 * email or credit code would block saving; similar names only warn.
 */
export function useDuplicateCheck(query: DuplicateQuery) {
  const { excludeId, ...keys } = query;
  return useQuery({
    queryKey: ['duplicates', query],
    queryFn: () => client(endpoints.duplicates.find, { query }).then((result) => result.matches),
    enabled: Object.values(keys).some(Boolean) && excludeId !== '',
    staleTime: 30_000,
  });
}
