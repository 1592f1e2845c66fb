import { endpoint, errorResponses } from './endpoint.js';
import { Inbox, InboxQuery } from './todo-inbox.js';

export const todoInboxEndpoints = {
  // Every signed-in user has an inbox; sections needing a permission appear only with it.
  get: endpoint({
    method: 'GET',
    path: '/todos/inbox',
    permission: 'authenticated',
    summary: "Get the caller's to-do inbox: everything waiting for them",
    operationId: 'getTodoInbox',
    tags: ['todos'],
    query: InboxQuery,
    responses: { 200: Inbox },
    errors: errorResponses(400),
  }),
} as const;
