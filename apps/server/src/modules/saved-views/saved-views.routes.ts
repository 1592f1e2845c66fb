import {
  CreateSavedViewBody,
  ErrorBody,
  IdParams,
  SavedView,
  SavedViewList,
  SavedViewListQuery,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createSavedViewsService } from './saved-views.service.js';

const tags = ['saved-views'];
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Saved list views; `customers` is the only module so far, so its view right guards them. */
export const savedViewsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const views = createSavedViewsService({ db });

    app.get(
      '/saved-views',
      {
        config: { permission: 'customers.view' },
        schema: { tags, querystring: SavedViewListQuery, response: { 200: SavedViewList, ...errors } },
      },
      async (request) => views.list(actorOf(request), request.query.module),
    );

    app.post(
      '/saved-views',
      {
        config: { permission: 'customers.view' },
        schema: { tags, body: CreateSavedViewBody, response: { 201: SavedView, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await views.create(actorOf(request), request.body)),
    );

    app.delete(
      '/saved-views/:id',
      {
        config: { permission: 'customers.view' },
        schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } },
      },
      async (request, reply) => {
        await views.delete(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
