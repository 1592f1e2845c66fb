import type {
  ConfirmOrderBody,
  CreateOrderBody,
  CreditReportPage,
  CreditReportQuery,
  CustomerCredit,
  FinanceSettings,
  Order,
  OrderListQuery,
  OrderPage,
  ProductPage,
  PutCustomerCreditBody,
  PutFinanceSettingsBody,
  UpdateOrderBody,
  WarehouseList,
} from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';
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
    queryFn: ({ pageParam }) => api.get<OrderPage>('/orders', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useOrder(id: string | undefined) {
  return useQuery({
    queryKey: orderKeys.detail(id ?? ''),
    queryFn: () => api.get<Order>(`/orders/${id}`),
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
    mutationFn: (body: CreateOrderBody) => api.post<Order>('/orders', body),
    onSuccess: invalidate,
  });
}

export function useUpdateOrder(id: string) {
  const invalidate = useInvalidateOrders();
  return useMutation({
    mutationFn: (body: UpdateOrderBody) => api.patch<Order>(`/orders/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteOrder() {
  const invalidate = useInvalidateOrders();
  return useMutation({ mutationFn: (id: string) => api.delete(`/orders/${id}`), onSuccess: invalidate });
}

export type OrderAction = 'submit' | 'confirm' | 'ship' | 'complete' | 'cancel' | 'credit-override';
export type OrderActionBody = ConfirmOrderBody & { reason?: string };

/** One state change (`POST /orders/{id}/{action}`); answers the updated order. */
export function useOrderAction(id: string) {
  const invalidate = useInvalidateOrders();
  return useMutation({
    mutationFn: ({ action, body }: { action: OrderAction; body: OrderActionBody }) =>
      api.post<Order>(`/orders/${id}/${action}`, body),
    onSettled: invalidate,
  });
}

/** Active products by code or name, for the order lines. */
export function useProductSearch(q: string) {
  return useQuery({
    queryKey: ['products', 'picker', q],
    queryFn: () => api.get<ProductPage>('/products', { q: q || undefined, active: true, limit: 20 }),
  });
}

export function useWarehouses(enabled: boolean) {
  return useQuery({
    queryKey: ['warehouses', 'picker'],
    queryFn: () => api.get<WarehouseList>('/warehouses').then((r) => r.items.filter((w) => w.active)),
    enabled,
  });
}

export function useCustomerCredit(customerId: string) {
  return useQuery({
    queryKey: orderKeys.credit(customerId),
    queryFn: () => api.get<CustomerCredit>(`/customers/${customerId}/credit`),
  });
}

export function usePutCustomerCredit(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutCustomerCreditBody) => api.put<CustomerCredit>(`/customers/${customerId}/credit`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orderKeys.all }),
  });
}

export function useCreditReport(filters: CreditReportFilters) {
  return useInfiniteQuery({
    queryKey: orderKeys.creditReport(filters),
    queryFn: ({ pageParam }) =>
      api.get<CreditReportPage>('/reports/credit', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useFinanceSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => api.get<FinanceSettings>('/finance-settings') });
}

export function usePutFinanceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutFinanceSettingsBody) => api.put<FinanceSettings>('/finance-settings', body),
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
}
