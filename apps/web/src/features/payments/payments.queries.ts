import type {
  CreatePaymentBody,
  InstallmentListQuery,
  InstallmentPage,
  OrderPage,
  Payment,
  PaymentListQuery,
  PaymentPage,
  PaymentPlan,
  PutPaymentPlanBody,
  ReceivablesAgeing,
  ReceivablesAgeingQuery,
} from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';

export type PaymentFilters = Omit<PaymentListQuery, 'limit' | 'cursor'>;
export type InstallmentFilters = Omit<InstallmentListQuery, 'limit' | 'cursor'>;

/**
 * `['payments']` covers payments, plans and the ageing report: a payment changes all three.
 * Orders are refreshed too, since their paid amount moves with every payment.
 */
export const paymentKeys = {
  all: ['payments'] as const,
  list: (filters: PaymentFilters) => ['payments', 'list', filters] as const,
  installments: (filters: InstallmentFilters) => ['payments', 'installments', filters] as const,
  /** Under `['orders']`, so the order screens' invalidations (confirm, cancel) refresh it too. */
  plan: (orderId: string) => ['orders', 'payment-plan', orderId] as const,
  ageing: (filters: AgeingFilters) => ['payments', 'ageing', filters] as const,
  orderSearch: (q: string) => ['payments', 'order-search', q] as const,
};
const ORDERS_KEY = ['orders'] as const;

export function usePayments(filters: PaymentFilters) {
  return useInfiniteQuery({
    queryKey: paymentKeys.list(filters),
    queryFn: ({ pageParam }) => api.get<PaymentPage>('/payments', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useInstallments(filters: InstallmentFilters) {
  return useInfiniteQuery({
    queryKey: paymentKeys.installments(filters),
    queryFn: ({ pageParam }) =>
      api.get<InstallmentPage>('/payment-plans', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function usePaymentPlan(orderId: string | undefined) {
  return useQuery({
    queryKey: paymentKeys.plan(orderId ?? ''),
    queryFn: () => api.get<PaymentPlan>(`/orders/${orderId}/payment-plan`),
    enabled: orderId !== undefined,
  });
}

export type AgeingFilters = Omit<ReceivablesAgeingQuery, 'limit' | 'cursor'>;

/** Pages of the ageing report; every page carries the same totals row (the whole scope). */
export function useReceivablesAgeing(filters: AgeingFilters) {
  return useInfiniteQuery({
    queryKey: paymentKeys.ageing(filters),
    queryFn: ({ pageParam }) =>
      api.get<ReceivablesAgeing>('/reports/receivables-ageing', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** Payable orders (confirmed, shipped, completed) matching an order number or customer name. */
export function useOrderSearch(q: string) {
  return useQuery({
    queryKey: paymentKeys.orderSearch(q),
    queryFn: async () => {
      const page = await api.get<OrderPage>('/orders', { q: q || undefined, limit: 20 });
      return page.items.filter((o) => ['confirmed', 'shipped', 'completed'].includes(o.status));
    },
  });
}

function useInvalidateMoney() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: paymentKeys.all });
    void queryClient.invalidateQueries({ queryKey: ORDERS_KEY });
  };
}

export function useRecordPayment() {
  const invalidate = useInvalidateMoney();
  return useMutation({
    mutationFn: (body: CreatePaymentBody) => api.post<Payment>('/payments', body),
    onSuccess: invalidate,
  });
}

export function useVoidPayment() {
  const invalidate = useInvalidateMoney();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post<Payment>(`/payments/${id}/void`, { reason }),
    onSuccess: invalidate,
  });
}

export function usePutPaymentPlan(orderId: string) {
  const invalidate = useInvalidateMoney();
  return useMutation({
    mutationFn: (body: PutPaymentPlanBody) => api.put<PaymentPlan>(`/orders/${orderId}/payment-plan`, body),
    onSuccess: invalidate,
  });
}
