import { ErrorBody, Inbox, InboxQuery } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createTodoInboxService } from './todo-inbox.service.js';

export const todoInboxRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const inbox = createTodoInboxService({ db });
    // Every signed-in user has an inbox; sections needing a permission appear only with it.
    app.get(
      '/todos/inbox',
      {
        config: { permission: 'authenticated' },
        schema: { tags: ['todos'], querystring: InboxQuery, response: { 200: Inbox, 400: ErrorBody } },
      },
      async (request) => inbox.get(actorOf(request), request.query),
    );
  };
