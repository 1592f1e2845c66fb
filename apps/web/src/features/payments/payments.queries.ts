import {
  endpoints,
  type CreatePaymentBody,
  type InstallmentListQuery,
  type PaymentListQuery,
  type PutPaymentPlanBody,
  type ReceivablesAgeingQuery,
} from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';

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
    queryFn: ({ pageParam }) =>
      client(endpoints.payments.list, { query: { ...filters, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useInstallments(filters: InstallmentFilters) {
  return useInfiniteQuery({
    queryKey: paymentKeys.installments(filters),
    queryFn: ({ pageParam }) =>
      client(endpoints.payments.listInstallments, { query: { ...filters, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function usePaymentPlan(orderId: string | undefined) {
  return useQuery({
    queryKey: paymentKeys.plan(orderId ?? ''),
    queryFn: () => client(endpoints.payments.getPlan, { params: { id: orderId ?? '' } }),
    enabled: orderId !== undefined,
  });
}

export type AgeingFilters = Omit<ReceivablesAgeingQuery, 'limit' | 'cursor'>;

/** Pages of the ageing report; every page carries the same totals row (the whole scope). */
export function useReceivablesAgeing(filters: AgeingFilters) {
  return useInfiniteQuery({
    queryKey: paymentKeys.ageing(filters),
    queryFn: ({ pageParam }) =>
      client(endpoints.payments.ageing, { query: { ...filters, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** Payable orders (confirmed, shipped, completed) matching an order number or customer name. */
export function useOrderSearch(q: string) {
  return useQuery({
    queryKey: paymentKeys.orderSearch(q),
    queryFn: async () => {
      const page = await client(endpoints.orders.list, { query: { q: q || undefined, limit: 20 } });
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
    mutationFn: (body: CreatePaymentBody) => client(endpoints.payments.create, { body }),
    onSuccess: invalidate,
  });
}

export function useVoidPayment() {
  const invalidate = useInvalidateMoney();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      client(endpoints.payments.void, { params: { id }, body: { reason } }),
    onSuccess: invalidate,
  });
}

export function usePutPaymentPlan(orderId: string) {
  const invalidate = useInvalidateMoney();
  return useMutation({
    mutationFn: (body: PutPaymentPlanBody) => client(endpoints.payments.putPlan, { params: { id: orderId }, body }),
    onSuccess: invalidate,
  });
}
