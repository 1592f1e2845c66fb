import {
  endpoints,
  type CreateStockMovementBody,
  type CreateWarehouseBody,
  type StockListQuery,
  type StockMovementListQuery,
  type UpdateWarehouseBody,
} from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';

export type StockFilters = Omit<StockListQuery, 'limit' | 'cursor'>;
export type MovementFilters = Omit<StockMovementListQuery, 'limit' | 'cursor'>;

/** `['stock']` covers levels, movements and the issue queue; warehouses have their own key. */
export const stockKeys = {
  all: ['stock'] as const,
  levels: (filters: StockFilters) => ['stock', 'levels', filters] as const,
  movements: (filters: MovementFilters) => ['stock', 'movements', filters] as const,
  pending: ['stock', 'pending-issues'] as const,
  warehouses: ['warehouses'] as const,
};

export function useWarehouses() {
  return useQuery({
    queryKey: stockKeys.warehouses,
    queryFn: () => client(endpoints.stock.listWarehouses).then((r) => r.items),
  });
}

export function useStockLevels(filters: StockFilters) {
  return useInfiniteQuery({
    queryKey: stockKeys.levels(filters),
    queryFn: ({ pageParam }) =>
      client(endpoints.stock.levels, { query: { ...filters, limit: 100, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useStockMovements(filters: MovementFilters) {
  return useInfiniteQuery({
    queryKey: stockKeys.movements(filters),
    queryFn: ({ pageParam }) =>
      client(endpoints.stock.movements, { query: { ...filters, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function usePendingIssues() {
  return useQuery({
    queryKey: stockKeys.pending,
    queryFn: () => client(endpoints.stock.pendingIssues).then((r) => r.items),
  });
}

/** Active products matching a search, for the movement form (first 20). */
export function useProductOptions(q: string) {
  return useQuery({
    queryKey: ['products', 'options', q],
    queryFn: () =>
      client(endpoints.products.list, { query: { q: q || undefined, active: true, limit: 20 } }).then((r) => r.items),
  });
}

export function useRecordMovement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateStockMovementBody) => client(endpoints.stock.recordMovement, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: stockKeys.all }),
  });
}

/** The warehouse confirms an order's stock-out; the orders module ships the order and issues the stock. */
export function useConfirmIssue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (orderId: string) => client(endpoints.orders.ship, { params: { id: orderId }, body: {} }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: stockKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['orders'] });
    },
  });
}

export function useSaveWarehouse(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWarehouseBody | UpdateWarehouseBody) =>
      // One form for both: an edit sends the version, a new warehouse the required code and name.
      id
        ? client(endpoints.stock.updateWarehouse, { params: { id }, body: body as UpdateWarehouseBody })
        : client(endpoints.stock.createWarehouse, { body: body as CreateWarehouseBody }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: stockKeys.warehouses }),
  });
}
