import { CreateRoleBody, ErrorBody, IdParams, Role, RoleList, UpdateRoleBody } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createRolesService } from './roles.service.js';

const tags = ['roles'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

export const rolesRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const roles = createRolesService({ db });

    app.get(
      '/roles',
      { config: { permission: 'roles.view' }, schema: { tags, response: { 200: RoleList } } },
      async (request) => roles.list(actorOf(request)),
    );

    app.post(
      '/roles',
      {
        config: { permission: 'roles.manage' },
        schema: { tags, body: CreateRoleBody, response: { 201: Role, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await roles.create(actorOf(request), request.body)),
    );

    app.patch(
      '/roles/:id',
      {
        config: { permission: 'roles.manage' },
        schema: { tags, params: IdParams, body: UpdateRoleBody, response: { 200: Role, ...errors } },
      },
      async (request) => roles.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/roles/:id',
      {
        config: { permission: 'roles.manage' },
        schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } },
      },
      async (request, reply) => {
        await roles.delete(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
