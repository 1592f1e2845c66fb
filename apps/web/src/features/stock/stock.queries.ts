import type {
  CreateStockMovementBody,
  CreateWarehouseBody,
  PendingIssueList,
  ProductPage,
  StockLevelPage,
  StockListQuery,
  StockMovement,
  StockMovementListQuery,
  StockMovementPage,
  UpdateWarehouseBody,
  Warehouse,
  WarehouseList,
} from '@guanxi/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';

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
    queryFn: () => api.get<WarehouseList>('/warehouses').then((r) => r.items),
  });
}

export function useStockLevels(filters: StockFilters) {
  return useInfiniteQuery({
    queryKey: stockKeys.levels(filters),
    queryFn: ({ pageParam }) => api.get<StockLevelPage>('/stock', { ...filters, limit: 100, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useStockMovements(filters: MovementFilters) {
  return useInfiniteQuery({
    queryKey: stockKeys.movements(filters),
    queryFn: ({ pageParam }) =>
      api.get<StockMovementPage>('/stock-movements', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function usePendingIssues() {
  return useQuery({
    queryKey: stockKeys.pending,
    queryFn: () => api.get<PendingIssueList>('/stock-movements/pending-issues').then((r) => r.items),
  });
}

/** Active products matching a search, for the movement form (first 20). */
export function useProductOptions(q: string) {
  return useQuery({
    queryKey: ['products', 'options', q],
    queryFn: () =>
      api.get<ProductPage>('/products', { q: q || undefined, active: true, limit: 20 }).then((r) => r.items),
  });
}

export function useRecordMovement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateStockMovementBody) => api.post<StockMovement>('/stock-movements', body),
    onSuccess: () => client.invalidateQueries({ queryKey: stockKeys.all }),
  });
}

/** The warehouse confirms an order's stock-out; the orders module ships the order and issues the stock. */
export function useConfirmIssue() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (orderId: string) => api.post<unknown>(`/orders/${orderId}/ship`, {}),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: stockKeys.all });
      await client.invalidateQueries({ queryKey: ['orders'] });
    },
  });
}

export function useSaveWarehouse(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWarehouseBody | UpdateWarehouseBody) =>
      id ? api.patch<Warehouse>(`/warehouses/${id}`, body) : api.post<Warehouse>('/warehouses', body),
    onSuccess: () => client.invalidateQueries({ queryKey: stockKeys.warehouses }),
  });
}
