import {
  ConfirmOrderBody,
  CreateOrderBody,
  ErrorBody,
  IdParams,
  Order,
  OrderListQuery,
  OrderPage,
  OrderReasonBody,
  OrderTransitionBody,
  UpdateOrderBody,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createOrdersService } from './orders.service.js';
import { createOrderTransitions } from './orders.transitions.js';

const tags = ['orders'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

export const orderRecordRoutes =
  ({ db, events }: { db: Db; events: EventBus }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const orders = createOrdersService({ db });
    const transitions = createOrderTransitions({ db, events });

    app.get(
      '/orders',
      {
        config: { permission: 'orders.view' },
        schema: { tags, querystring: OrderListQuery, response: { 200: OrderPage, ...errors } },
      },
      async (request) => orders.list(actorOf(request), request.query),
    );
    app.post(
      '/orders',
      {
        config: { permission: 'orders.create' },
        schema: { tags, body: CreateOrderBody, response: { 201: Order, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await orders.create(actorOf(request), request.body)),
    );
    app.get(
      '/orders/:id',
      {
        config: { permission: 'orders.view' },
        schema: { tags, params: IdParams, response: { 200: Order, ...errors } },
      },
      async (request) => orders.get(actorOf(request), request.params.id),
    );
    app.patch(
      '/orders/:id',
      {
        config: { permission: 'orders.edit' },
        schema: { tags, params: IdParams, body: UpdateOrderBody, response: { 200: Order, ...errors } },
      },
      async (request) => orders.update(actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/orders/:id',
      {
        config: { permission: 'orders.delete' },
        schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } },
      },
      async (request, reply) => {
        await orders.delete(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/orders/:id/submit',
      {
        config: { permission: 'orders.edit' },
        schema: {
          tags,
          params: IdParams,
          body: Type.Optional(OrderTransitionBody),
          response: { 200: Order, ...errors },
        },
      },
      async (request) => transitions.submit(actorOf(request), request.params.id, request.body ?? {}),
    );
    app.post(
      '/orders/:id/confirm',
      {
        config: { permission: 'orders.confirm' },
        schema: { tags, params: IdParams, body: Type.Optional(ConfirmOrderBody), response: { 200: Order, ...errors } },
      },
      async (request) => transitions.confirm(actorOf(request), request.params.id, request.body ?? {}),
    );
    app.post(
      '/orders/:id/ship',
      {
        config: { permission: 'stock.issue' },
        schema: {
          tags,
          params: IdParams,
          body: Type.Optional(OrderTransitionBody),
          response: { 200: Order, ...errors },
        },
      },
      async (request) => transitions.ship(actorOf(request), request.params.id, request.body ?? {}),
    );
    app.post(
      '/orders/:id/complete',
      {
        config: { permission: 'orders.confirm' },
        schema: {
          tags,
          params: IdParams,
          body: Type.Optional(OrderTransitionBody),
          response: { 200: Order, ...errors },
        },
      },
      async (request) => transitions.complete(actorOf(request), request.params.id, request.body ?? {}),
    );
    app.post(
      '/orders/:id/cancel',
      {
        config: { permission: 'orders.cancel' },
        schema: { tags, params: IdParams, body: OrderReasonBody, response: { 200: Order, ...errors } },
      },
      async (request) => transitions.cancel(actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/orders/:id/credit-override',
      {
        // Asking for an exception is work on the order, like submitting it: read-only roles may not.
        config: { permission: 'orders.edit' },
        schema: { tags, params: IdParams, body: OrderReasonBody, response: { 200: Order, ...errors } },
      },
      async (request) => transitions.requestCreditOverride(actorOf(request), request.params.id, request.body),
    );
  };
