import {
  endpoints,
  type ConfirmOrderBody,
  type CreateOrderBody,
  type CreditReportQuery,
  type EndpointCallOptions,
  type OrderListQuery,
  type PutCustomerCreditBody,
  type PutFinanceSettingsBody,
  type UpdateOrderBody,
} from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { customerKeys } from '../customers';

export type OrderFilters = Omit<OrderListQuery, 'limit' | 'cursor'>;
export type CreditReportFilters = Omit<CreditReportQuery, 'limit' | 'cursor'>;

/** `['orders']` covers lists and details; credit figures move with orders, so they live under it too. */
export const orderKeys = {
  all: ['orders'] as const,
  list: (filters: OrderFilters) => ['orders', 'list', filters] as const,
  detail: (id: string) => ['orders', 'detail', id] as const,
  credit: (customerId: string) => ['orders', 'credit', customerId] as const,
  creditReport: (filters: CreditReportFilters) => ['orders', 'credit-report', filters] as const,
};
const settingsKey = ['finance-settings'] as const;

export function useOrders(filters: OrderFilters) {
  return useInfiniteQuery({
    queryKey: orderKeys.list(filters),
    queryFn: ({ pageParam }) => client(endpoints.orders.list, { query: { ...filters, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useOrder(id: string | undefined) {
  return useQuery({
    queryKey: orderKeys.detail(id ?? ''),
    queryFn: () => client(endpoints.orders.get, { params: { id: id ?? '' } }),
    enabled: id !== undefined,
  });
}

/** Orders change customer stages (lifecycle) and credit figures: refresh those too. */
function useInvalidateOrders() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: orderKeys.all }),
      queryClient.invalidateQueries({ queryKey: customerKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['approvals'] }),
    ]);
}

export function useCreateOrder() {
  const invalidate = useInvalidateOrders();
  return useMutation({
    mutationFn: (body: CreateOrderBody) => client(endpoints.orders.create, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateOrder(id: string) {
  const invalidate = useInvalidateOrders();
  return useMutation({
    mutationFn: (body: UpdateOrderBody) => client(endpoints.orders.update, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useDeleteOrder() {
  const invalidate = useInvalidateOrders();
  return useMutation({
    mutationFn: (id: string) => client(endpoints.orders.delete, { params: { id } }),
    onSuccess: invalidate,
  });
}

const orderActions = {
  submit: endpoints.orders.submit,
  confirm: endpoints.orders.confirm,
  ship: endpoints.orders.ship,
  complete: endpoints.orders.complete,
  cancel: endpoints.orders.cancel,
  'credit-override': endpoints.orders.creditOverride,
} as const;
export type OrderAction = keyof typeof orderActions;
export type OrderActionBody = ConfirmOrderBody & { reason?: string };

/** One state change (`POST /orders/{id}/{action}`); answers the updated order. */
export function useOrderAction(id: string) {
  const invalidate = useInvalidateOrders();
  return useMutation({
    mutationFn: ({ action, body }: { action: OrderAction; body: OrderActionBody }) =>
      // One mutation serves every action: each takes a part of OrderActionBody (the page sends
      // `reason` only to those that need it) and all answer the order; the server checks the shape.
      client(orderActions[action], { params: { id }, body } as EndpointCallOptions<(typeof orderActions)['cancel']>),
    onSettled: invalidate,
  });
}

/** Active products by code or name, for the order lines. */
export function useProductSearch(q: string) {
  return useQuery({
    queryKey: ['products', 'picker', q],
    queryFn: () => client(endpoints.products.list, { query: { q: q || undefined, active: true, limit: 20 } }),
  });
}

export function useWarehouses(enabled: boolean) {
  return useQuery({
    queryKey: ['warehouses', 'picker'],
    queryFn: () => client(endpoints.stock.listWarehouses).then((r) => r.items.filter((w) => w.active)),
    enabled,
  });
}

export function useCustomerCredit(customerId: string) {
  return useQuery({
    queryKey: orderKeys.credit(customerId),
    queryFn: () => client(endpoints.credit.get, { params: { id: customerId } }),
  });
}

export function usePutCustomerCredit(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutCustomerCreditBody) => client(endpoints.credit.put, { params: { id: customerId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orderKeys.all }),
  });
}

export function useCreditReport(filters: CreditReportFilters) {
  return useInfiniteQuery({
    queryKey: orderKeys.creditReport(filters),
    queryFn: ({ pageParam }) =>
      client(endpoints.credit.report, { query: { ...filters, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useFinanceSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => client(endpoints.financeSettings.get) });
}

export function usePutFinanceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutFinanceSettingsBody) => client(endpoints.financeSettings.put, { body }),
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
}
