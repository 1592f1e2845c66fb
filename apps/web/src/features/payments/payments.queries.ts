import {
  endpoints,
  type CreatePaymentBody,
  type InstallmentListQuery,
  type PaymentListQuery,
  type PutPaymentPlanBody,
  type ReceivablesAgeingQuery,
} from '@guanxi/contract';
import { useQuery } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { byOptionalId, invalidatingMutation, useEndpointQuery, useKeysetPages } from '../../platform/endpointQueries';

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

export const usePayments = (filters: PaymentFilters) =>
  useKeysetPages(endpoints.payments.list, { queryKey: paymentKeys.list(filters), filters });
export const useInstallments = (filters: InstallmentFilters) =>
  useKeysetPages(endpoints.payments.listInstallments, { queryKey: paymentKeys.installments(filters), filters });

export const usePaymentPlan = (orderId: string | undefined) =>
  useEndpointQuery(endpoints.payments.getPlan, byOptionalId(orderId, paymentKeys.plan));

export type AgeingFilters = Omit<ReceivablesAgeingQuery, 'limit' | 'cursor'>;

/** Pages of the ageing report; every page carries the same totals row (the whole scope). */
export const useReceivablesAgeing = (filters: AgeingFilters) =>
  useKeysetPages(endpoints.payments.ageing, { queryKey: paymentKeys.ageing(filters), filters });

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

/** The form closes at once; payments and orders reload behind it. */
const useMoneyMutation = invalidatingMutation([paymentKeys.all, ORDERS_KEY], { waitForRefetch: false });

export const useRecordPayment = () =>
  useMoneyMutation((body: CreatePaymentBody) => client(endpoints.payments.create, { body }));
export const useVoidPayment = () =>
  useMoneyMutation(({ id, reason }: { id: string; reason: string }) =>
    client(endpoints.payments.void, { params: { id }, body: { reason } }),
  );
export const usePutPaymentPlan = (orderId: string) =>
  useMoneyMutation((body: PutPaymentPlanBody) => client(endpoints.payments.putPlan, { params: { id: orderId }, body }));
