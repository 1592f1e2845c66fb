import { IdParams } from './common.js';
import { endpoint } from './endpoint.js';
import {
  CreateStockMovementBody,
  CreateWarehouseBody,
  PendingIssueList,
  PendingIssueQuery,
  StockLevelPage,
  StockListQuery,
  StockMovement,
  StockMovementListQuery,
  StockMovementPage,
  StockSummary,
  StockSummaryQuery,
  UpdateWarehouseBody,
  Warehouse,
  WarehouseList,
} from './stock.js';
import { exportEndpointOf } from './export.js';

const tags = ['stock'];

const levelsEndpoint = endpoint({
  method: 'GET',
  path: '/stock',
  permission: 'stock.view',
  summary: 'List stock levels per warehouse and product',
  operationId: 'listStockLevels',
  tags,
  query: StockListQuery,
  responses: { 200: StockLevelPage },
});

const movementsEndpoint = endpoint({
  method: 'GET',
  path: '/stock-movements',
  permission: 'stock.view',
  summary: 'List stock movements',
  operationId: 'listStockMovements',
  tags,
  query: StockMovementListQuery,
  responses: { 200: StockMovementPage },
});

/** Warehouses, stock levels and movements; an order's stock-out goes through `orders.ship`. */
export const stockEndpoints = {
  listWarehouses: endpoint({
    method: 'GET',
    path: '/warehouses',
    permission: 'stock.view',
    summary: 'List warehouses',
    operationId: 'listWarehouses',
    tags,
    responses: { 200: WarehouseList },
  }),
  createWarehouse: endpoint({
    method: 'POST',
    path: '/warehouses',
    permission: 'stock.manage',
    summary: 'Create a warehouse',
    operationId: 'createWarehouse',
    tags,
    body: CreateWarehouseBody,
    responses: { 201: Warehouse },
  }),
  updateWarehouse: endpoint({
    method: 'PATCH',
    path: '/warehouses/:id',
    permission: 'stock.manage',
    summary: 'Update a warehouse',
    operationId: 'updateWarehouse',
    tags,
    params: IdParams,
    body: UpdateWarehouseBody,
    responses: { 200: Warehouse },
  }),
  levels: levelsEndpoint,
  exportLevels: exportEndpointOf(levelsEndpoint, {
    permission: 'stock.export',
    summary: 'Export the stock levels (same filters) to Excel or CSV',
    operationId: 'exportStockLevels',
  }),
  summary: endpoint({
    method: 'GET',
    path: '/stock/summary',
    permission: 'stock.view',
    summary: 'Stock totals per product over all warehouses',
    operationId: 'getStockSummary',
    tags,
    query: StockSummaryQuery,
    responses: { 200: StockSummary },
  }),
  movements: movementsEndpoint,
  exportMovements: exportEndpointOf(movementsEndpoint, {
    permission: 'stock.export',
    summary: 'Export the stock movements (same filters) to Excel or CSV',
    operationId: 'exportStockMovements',
  }),
  pendingIssues: endpoint({
    method: 'GET',
    path: '/stock-movements/pending-issues',
    permission: 'stock.view',
    summary: 'Confirmed orders waiting for their stock-out',
    operationId: 'listPendingStockIssues',
    tags,
    query: PendingIssueQuery,
    responses: { 200: PendingIssueList },
  }),
  recordMovement: endpoint({
    method: 'POST',
    path: '/stock-movements',
    permission: 'stock.record',
    summary: 'Record a stock receipt, issue or adjustment',
    operationId: 'createStockMovement',
    tags,
    body: CreateStockMovementBody,
    responses: { 201: StockMovement },
  }),
} as const;
