import { CreateTaskBody, ErrorBody, IdParams, Task, TaskListQuery, TaskPage, UpdateTaskBody } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createTasksService } from './tasks.service.js';

const tags = ['tasks'];
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const tasksRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const tasks = createTasksService({ db });

    app.get(
      '/tasks',
      {
        config: { permission: 'tasks.view' },
        schema: { tags, querystring: TaskListQuery, response: { 200: TaskPage, ...errors } },
      },
      async (request) => tasks.list(actorOf(request), request.query),
    );
    app.post(
      '/tasks',
      {
        config: { permission: 'tasks.create' },
        schema: { tags, body: CreateTaskBody, response: { 201: Task, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await tasks.create(actorOf(request), request.body)),
    );
    app.get(
      '/tasks/:id',
      { config: { permission: 'tasks.view' }, schema: { tags, params: IdParams, response: { 200: Task, ...errors } } },
      async (request) => tasks.get(actorOf(request), request.params.id),
    );
    app.patch(
      '/tasks/:id',
      {
        config: { permission: 'tasks.edit' },
        schema: { tags, params: IdParams, body: UpdateTaskBody, response: { 200: Task, ...errors } },
      },
      async (request) => tasks.update(actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/tasks/:id/complete',
      { config: { permission: 'tasks.edit' }, schema: { tags, params: IdParams, response: { 200: Task, ...errors } } },
      async (request) => tasks.complete(actorOf(request), request.params.id),
    );
    app.delete(
      '/tasks/:id',
      {
        config: { permission: 'tasks.delete' },
        schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } },
      },
      async (request, reply) => {
        await tasks.delete(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
