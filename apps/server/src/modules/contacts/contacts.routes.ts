import {
  Contact,
  ContactListQuery,
  ContactPage,
  ContactWriteResult,
  CreateContactBody,
  DuplicateErrorBody,
  ErrorBody,
  IdParams,
  UpdateContactBody,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createContactsService } from './contacts.service.js';

const tags = ['contacts'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
/** Writes may answer 409 `duplicate` with the blocking records (domain §4). */
const writeErrors = { ...errors, 409: DuplicateErrorBody };

export const contactsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const contacts = createContactsService({ db });
    app.get(
      '/contacts',
      {
        config: { permission: 'contacts.view', searchRateLimited: 'withQuery' },
        schema: { tags, querystring: ContactListQuery, response: { 200: ContactPage, ...errors } },
      },
      async (request) => contacts.list(actorOf(request), request.query),
    );
    app.get(
      '/customers/:id/contacts',
      {
        config: { permission: 'contacts.view' },
        schema: { tags, params: IdParams, response: { 200: ContactPage, ...errors } },
      },
      async (request) => contacts.listForCustomer(actorOf(request), request.params.id),
    );
    app.post(
      '/contacts',
      {
        config: { permission: 'contacts.create' },
        schema: { tags, body: CreateContactBody, response: { 201: ContactWriteResult, ...writeErrors } },
      },
      async (request, reply) => reply.status(201).send(await contacts.create(actorOf(request), request.body)),
    );
    app.get(
      '/contacts/:id',
      {
        config: { permission: 'contacts.view' },
        schema: { tags, params: IdParams, response: { 200: Contact, ...errors } },
      },
      async (request) => contacts.get(actorOf(request), request.params.id),
    );
    app.patch(
      '/contacts/:id',
      {
        config: { permission: 'contacts.edit' },
        schema: {
          tags,
          params: IdParams,
          body: UpdateContactBody,
          response: { 200: ContactWriteResult, ...writeErrors },
        },
      },
      async (request) => contacts.update(actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/contacts/:id',
      {
        config: { permission: 'contacts.delete' },
        schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } },
      },
      async (request, reply) => {
        await contacts.delete(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/contacts/:id/restore',
      {
        config: { permission: 'contacts.delete' },
        schema: { tags, params: IdParams, response: { 200: Contact, ...errors } },
      },
      async (request) => contacts.restore(actorOf(request), request.params.id),
    );
  };
