import {
  CreateProductBody,
  CreateProductCategoryBody,
  ErrorBody,
  IdParams,
  PriceAuthorityMatrix,
  Product,
  ProductCategory,
  ProductCategoryList,
  ProductListQuery,
  ProductPage,
  PutPriceAuthoritiesBody,
  UpdateProductBody,
  UpdateProductCategoryBody,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createCategoriesService } from './categories.service.js';
import { createPriceAuthoritiesService } from './price-authorities.service.js';
import { createProductsService } from './products.service.js';

const tags = ['products'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

export const productsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const products = createProductsService({ db });
    const categories = createCategoriesService({ db });
    const authorities = createPriceAuthoritiesService({ db });

    app.get(
      '/product-categories',
      { config: { permission: 'products.view' }, schema: { tags, response: { 200: ProductCategoryList, ...errors } } },
      async (request) => categories.list(actorOf(request)),
    );
    app.post(
      '/product-categories',
      {
        config: { permission: 'products.manage' },
        schema: { tags, body: CreateProductCategoryBody, response: { 201: ProductCategory, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await categories.create(actorOf(request), request.body)),
    );
    app.patch(
      '/product-categories/:id',
      {
        config: { permission: 'products.manage' },
        schema: {
          tags,
          params: IdParams,
          body: UpdateProductCategoryBody,
          response: { 200: ProductCategory, ...errors },
        },
      },
      async (request) => categories.update(actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/product-categories/:id',
      {
        config: { permission: 'products.manage' },
        schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } },
      },
      async (request, reply) => {
        await categories.delete(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/products',
      {
        config: { permission: 'products.view' },
        schema: { tags, querystring: ProductListQuery, response: { 200: ProductPage, ...errors } },
      },
      async (request) => products.list(actorOf(request), request.query),
    );
    app.post(
      '/products',
      {
        config: { permission: 'products.manage' },
        schema: { tags, body: CreateProductBody, response: { 201: Product, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await products.create(actorOf(request), request.body)),
    );
    app.get(
      '/products/:id',
      {
        config: { permission: 'products.view' },
        schema: { tags, params: IdParams, response: { 200: Product, ...errors } },
      },
      async (request) => products.get(actorOf(request), request.params.id),
    );
    app.patch(
      '/products/:id',
      {
        config: { permission: 'products.manage' },
        schema: { tags, params: IdParams, body: UpdateProductBody, response: { 200: Product, ...errors } },
      },
      async (request) => products.update(actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/products/:id',
      {
        config: { permission: 'products.manage' },
        schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } },
      },
      async (request, reply) => {
        await products.delete(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/price-authorities',
      {
        config: { permission: 'products.view' },
        schema: { tags, response: { 200: PriceAuthorityMatrix, ...errors } },
      },
      async (request) => authorities.get(actorOf(request)),
    );
    app.put(
      '/price-authorities',
      {
        config: { permission: 'products.manage' },
        schema: { tags, body: PutPriceAuthoritiesBody, response: { 200: PriceAuthorityMatrix, ...errors } },
      },
      async (request) => authorities.replace(actorOf(request), request.body),
    );
  };
