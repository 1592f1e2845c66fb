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
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
import {
  byOptionalId,
  invalidatingMutation,
  recordKeys,
  useEndpointQuery,
  useKeysetPages,
} from '../../platform/endpointQueries';
import { customerKeys } from '../customers';

export type OrderFilters = Omit<OrderListQuery, 'limit' | 'cursor'>;
export type CreditReportFilters = Omit<CreditReportQuery, 'limit' | 'cursor'>;

/** `['orders']` covers lists and details; credit figures move with orders, so they live under it too. */
export const orderKeys = {
  ...recordKeys<OrderFilters>('orders'),
  credit: (customerId: string) => ['orders', 'credit', customerId] as const,
  creditReport: (filters: CreditReportFilters) => ['orders', 'credit-report', filters] as const,
};
const settingsKey = ['finance-settings'] as const;

export const useOrders = (filters: OrderFilters) =>
  useKeysetPages(endpoints.orders.list, { queryKey: orderKeys.list(filters), filters });

/**
 * Units, prices, the seller's floor and stock of the products on the form, for its customer; the
 * last answer stays while the next loads, so the figures do not flicker as lines are typed.
 */
export function usePriceGuide(customerId: string | undefined, warehouseId: string | null, productIds: string[]) {
  const ids = [...new Set(productIds)].sort();
  return useQuery({
    queryKey: ['orders', 'price-guide', customerId, warehouseId, ids],
    queryFn: () =>
      client(endpoints.orders.priceGuide, { body: { customerId: customerId!, warehouseId, productIds: ids } }),
    enabled: customerId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The customer's opportunities an order may close (open or won), newest first. */
export const useOrderableOpportunities = (customerId: string | undefined) =>
  useEndpointQuery(endpoints.opportunities.list, {
    queryKey: ['opportunities', 'orderable', customerId],
    query: { customerId: customerId!, limit: 50 },
    enabled: customerId !== undefined,
    transform: (page) => page.items.filter((o) => o.status === 'open' || o.status === 'won'),
  });

export const useOrder = (id: string | undefined) =>
  useEndpointQuery(endpoints.orders.get, byOptionalId(id, orderKeys.detail));

/** Orders change customer stages (lifecycle) and credit figures: refresh those too. */
const useOrderMutation = invalidatingMutation([orderKeys.all, customerKeys.all, ['approvals']]);

export const useCreateOrder = () =>
  useOrderMutation((body: CreateOrderBody) => client(endpoints.orders.create, { body }));
export const useUpdateOrder = (id: string) =>
  useOrderMutation((body: UpdateOrderBody) => client(endpoints.orders.update, { params: { id }, body }));
export const useDeleteOrder = () =>
  useOrderMutation((id: string) => client(endpoints.orders.delete, { params: { id } }));

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
  return useOrderMutation(
    ({ action, body }: { action: OrderAction; body: OrderActionBody }) =>
      // One mutation serves every action: each takes a part of OrderActionBody (the page sends
      // `reason` only to those that need it) and all answer the order; the server checks the shape.
      client(orderActions[action], { params: { id }, body } as EndpointCallOptions<(typeof orderActions)['cancel']>),
    { settled: true },
  );
}

/** Active products by code or name, for the order lines. */
export const useProductSearch = (q: string) =>
  useEndpointQuery(endpoints.products.list, {
    queryKey: ['products', 'picker', q],
    query: { q: q || undefined, active: true, limit: 20 },
  });

export const useWarehouses = (enabled: boolean) =>
  useEndpointQuery(endpoints.stock.listWarehouses, {
    queryKey: ['warehouses', 'picker'],
    transform: (list) => list.items.filter((warehouse) => warehouse.active),
    enabled,
  });

export const useCustomerCredit = (customerId: string) =>
  useEndpointQuery(endpoints.credit.get, { queryKey: orderKeys.credit(customerId), params: { id: customerId } });

const useCreditMutation = invalidatingMutation([orderKeys.all]);
export const usePutCustomerCredit = (customerId: string) =>
  useCreditMutation((body: PutCustomerCreditBody) =>
    client(endpoints.credit.put, { params: { id: customerId }, body }),
  );

export const useCreditReport = (filters: CreditReportFilters) =>
  useKeysetPages(endpoints.credit.report, { queryKey: orderKeys.creditReport(filters), filters });

export const useFinanceSettings = () => useEndpointQuery(endpoints.financeSettings.get, { queryKey: settingsKey });

export function usePutFinanceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutFinanceSettingsBody) => client(endpoints.financeSettings.put, { body }),
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
}
