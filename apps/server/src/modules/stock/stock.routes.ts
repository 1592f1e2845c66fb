import {
  CreateStockMovementBody,
  CreateWarehouseBody,
  ErrorBody,
  IdParams,
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
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createStockService } from './stock.service.js';
import { createWarehousesService } from './warehouses.service.js';

const tags = ['stock'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

/** Warehouses, stock levels and movements (issue 5); order issues are confirmed via POST /orders/{id}/ship. */
export const stockRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const warehouses = createWarehousesService({ db });
    const stock = createStockService({ db });

    app.get(
      '/warehouses',
      { config: { permission: 'stock.view' }, schema: { tags, response: { 200: WarehouseList, ...errors } } },
      async (request) => warehouses.list(actorOf(request)),
    );
    app.post(
      '/warehouses',
      {
        config: { permission: 'stock.manage' },
        schema: { tags, body: CreateWarehouseBody, response: { 201: Warehouse, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await warehouses.create(actorOf(request), request.body)),
    );
    app.patch(
      '/warehouses/:id',
      {
        config: { permission: 'stock.manage' },
        schema: { tags, params: IdParams, body: UpdateWarehouseBody, response: { 200: Warehouse, ...errors } },
      },
      async (request) => warehouses.update(actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/stock',
      {
        config: { permission: 'stock.view' },
        schema: { tags, querystring: StockListQuery, response: { 200: StockLevelPage, ...errors } },
      },
      async (request) => stock.levels(actorOf(request), request.query),
    );
    app.get(
      '/stock/summary',
      {
        config: { permission: 'stock.view' },
        schema: { tags, querystring: StockSummaryQuery, response: { 200: StockSummary, ...errors } },
      },
      async (request) => stock.summary(actorOf(request), request.query),
    );
    app.get(
      '/stock-movements',
      {
        config: { permission: 'stock.view' },
        schema: { tags, querystring: StockMovementListQuery, response: { 200: StockMovementPage, ...errors } },
      },
      async (request) => stock.movements(actorOf(request), request.query),
    );
    app.get(
      '/stock-movements/pending-issues',
      {
        config: { permission: 'stock.view' },
        schema: { tags, querystring: PendingIssueQuery, response: { 200: PendingIssueList, ...errors } },
      },
      async (request) => stock.pendingIssues(actorOf(request), request.query),
    );
    app.post(
      '/stock-movements',
      {
        config: { permission: 'stock.record' },
        schema: { tags, body: CreateStockMovementBody, response: { 201: StockMovement, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await stock.record(actorOf(request), request.body)),
    );
  };
