import {
  CreateDepartmentBody,
  Department,
  DepartmentList,
  DepartmentManagementScope,
  ErrorBody,
  IdParams,
  UpdateDepartmentBody,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createDepartmentsService } from './departments.service.js';

const tags = ['departments'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

export const departmentsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const departments = createDepartmentsService({ db });

    app.get(
      '/departments',
      { config: { permission: 'departments.view' }, schema: { tags, response: { 200: DepartmentList } } },
      async (request) => departments.list(actorOf(request)),
    );

    app.get(
      '/departments/management-scope',
      {
        config: { permission: 'departments.manage' },
        schema: { tags, response: { 200: DepartmentManagementScope, ...errors } },
      },
      async (request) => departments.managementScope(actorOf(request)),
    );

    app.post(
      '/departments',
      {
        config: { permission: 'departments.manage' },
        schema: { tags, body: CreateDepartmentBody, response: { 201: Department, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await departments.create(actorOf(request), request.body)),
    );

    app.patch(
      '/departments/:id',
      {
        config: { permission: 'departments.manage' },
        schema: { tags, params: IdParams, body: UpdateDepartmentBody, response: { 200: Department, ...errors } },
      },
      async (request) => departments.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/departments/:id',
      {
        config: { permission: 'departments.manage' },
        schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } },
      },
      async (request, reply) => {
        await departments.delete(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
