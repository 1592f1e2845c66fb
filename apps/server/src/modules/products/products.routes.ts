import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createCategoriesService } from './categories.service.js';
import { createPriceAuthoritiesService } from './price-authorities.service.js';
import { createProductsService } from './products.service.js';
import type { ListExports } from '../../platform/export/index.js';
import { PRODUCT_EXPORT_COLUMNS } from './products.export.js';

export const productsRoutes =
  ({ db, listExports }: { db: Db; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const products = createProductsService({ db });
    const categories = createCategoriesService({ db });
    const authorities = createPriceAuthoritiesService({ db });
    const api = endpoints.products;

    registerEndpoint(app, api.listCategories, async (request) => categories.list(actorOf(request)));
    registerEndpoint(app, api.createCategory, async (request) => categories.create(actorOf(request), request.body));
    registerEndpoint(app, api.updateCategory, async (request) =>
      categories.update(actorOf(request), request.params.id, request.body),
    );
    registerEndpoint(app, api.deleteCategory, async (request) =>
      categories.delete(actorOf(request), request.params.id),
    );

    registerServiceEndpoints(app, api, products, ['list', 'create', 'get', 'update', 'delete']);
    listExports.register(app, {
      endpoint: api.export,
      list: (actor, query) => products.list(actor, query),
      columns: PRODUCT_EXPORT_COLUMNS,
      title: 'export.products',
      entity: 'product',
    });

    registerEndpoint(app, api.getPriceAuthorities, async (request) => authorities.get(actorOf(request)));
    registerEndpoint(app, api.putPriceAuthorities, async (request) =>
      authorities.replace(actorOf(request), request.body),
    );
  };
