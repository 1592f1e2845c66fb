import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createStockService } from './stock.service.js';
import { createWarehousesService } from './warehouses.service.js';
import type { ListExports } from '../../platform/export/index.js';
import { STOCK_LEVEL_EXPORT_COLUMNS, STOCK_MOVEMENT_EXPORT_COLUMNS } from './stock.export.js';

/** Warehouses, stock levels and movements (issue 5); order issues are confirmed via POST /orders/{id}/ship. */
export const stockRoutes =
  ({ db, listExports }: { db: Db; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const warehouses = createWarehousesService({ db });
    const stock = createStockService({ db });
    const api = endpoints.stock;

    registerEndpoint(app, api.listWarehouses, async (request) => warehouses.list(actorOf(request)));
    registerEndpoint(app, api.createWarehouse, async (request) => warehouses.create(actorOf(request), request.body));
    registerEndpoint(app, api.updateWarehouse, async (request) =>
      warehouses.update(actorOf(request), request.params.id, request.body),
    );
    registerServiceEndpoints(app, api, stock, ['levels', 'summary', 'movements', 'pendingIssues']);
    registerEndpoint(app, api.recordMovement, async (request) => stock.record(actorOf(request), request.body));
    listExports.register(app, {
      endpoint: api.exportLevels,
      list: (actor, query) => stock.levels(actor, query),
      columns: STOCK_LEVEL_EXPORT_COLUMNS,
      title: 'export.stockLevels',
      entity: 'warehouse',
    });
    listExports.register(app, {
      endpoint: api.exportMovements,
      list: (actor, query) => stock.movements(actor, query),
      columns: STOCK_MOVEMENT_EXPORT_COLUMNS,
      title: 'export.stockMovements',
      entity: 'stock_movement',
    });
  };
