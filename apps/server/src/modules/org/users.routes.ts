import {
  CreateUserBody,
  ErrorBody,
  IdParams,
  UpdateUserBody,
  User,
  UserListQuery,
  UserManagementScope,
  UserPage,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createUsersService } from './users.service.js';

const tags = ['users'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

export const usersRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const users = createUsersService({ db });

    app.get(
      '/users',
      {
        config: { permission: 'users.view' },
        schema: { tags, querystring: UserListQuery, response: { 200: UserPage, ...errors } },
      },
      async (request) => users.list(actorOf(request), request.query),
    );

    app.get(
      '/users/management-scope',
      { config: { permission: 'users.manage' }, schema: { tags, response: { 200: UserManagementScope, ...errors } } },
      async (request) => users.managementScope(actorOf(request)),
    );

    app.get(
      '/users/:id',
      { config: { permission: 'users.view' }, schema: { tags, params: IdParams, response: { 200: User, ...errors } } },
      async (request) => users.get(actorOf(request), request.params.id),
    );

    app.post(
      '/users',
      {
        config: { permission: 'users.manage' },
        schema: { tags, body: CreateUserBody, response: { 201: User, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await users.create(actorOf(request), request.body)),
    );

    app.patch(
      '/users/:id',
      {
        config: { permission: 'users.manage' },
        schema: { tags, params: IdParams, body: UpdateUserBody, response: { 200: User, ...errors } },
      },
      async (request) => users.update(actorOf(request), request.params.id, request.body),
    );
  };
