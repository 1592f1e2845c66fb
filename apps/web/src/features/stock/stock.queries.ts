import {
  endpoints,
  type CreateStockMovementBody,
  type CreateWarehouseBody,
  type StockListQuery,
  type StockMovementListQuery,
  type UpdateWarehouseBody,
} from '@guanxi/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery, useKeysetPages } from '../../platform/endpointQueries';

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

const useStockMutation = invalidatingMutation([stockKeys.all]);
const useWarehouseMutation = invalidatingMutation([stockKeys.warehouses]);

export const useWarehouses = () =>
  useEndpointQuery(endpoints.stock.listWarehouses, { queryKey: stockKeys.warehouses, transform: (list) => list.items });

export const useStockLevels = (filters: StockFilters) =>
  useKeysetPages(endpoints.stock.levels, { queryKey: stockKeys.levels(filters), filters, pageSize: 100 });
export const useStockMovements = (filters: MovementFilters) =>
  useKeysetPages(endpoints.stock.movements, { queryKey: stockKeys.movements(filters), filters });

export const usePendingIssues = () =>
  useEndpointQuery(endpoints.stock.pendingIssues, { queryKey: stockKeys.pending, transform: (list) => list.items });

/** Active products matching a search, for the movement form (first 20). */
export function useProductOptions(q: string) {
  return useEndpointQuery(endpoints.products.list, {
    queryKey: ['products', 'options', q],
    query: { q: q || undefined, active: true, limit: 20 },
    transform: (page) => page.items,
  });
}

export const useRecordMovement = () =>
  useStockMutation((body: CreateStockMovementBody) => client(endpoints.stock.recordMovement, { body }));

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

export const useSaveWarehouse = (id: string | undefined) =>
  useWarehouseMutation((body: CreateWarehouseBody | UpdateWarehouseBody) =>
    // One form for both: an edit sends the version, a new warehouse the required code and name.
    id
      ? client(endpoints.stock.updateWarehouse, { params: { id }, body: body as UpdateWarehouseBody })
      : client(endpoints.stock.createWarehouse, { body: body as CreateWarehouseBody }),
  );
