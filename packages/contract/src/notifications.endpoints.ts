import { Type } from 'typebox';
import { IdParams } from './common.js';
import { endpoint, errorResponses } from './endpoint.js';
import { NotificationListQuery, NotificationPage, TodoListQuery, TodoPage, UnreadCount } from './notifications.js';

const errors = errorResponses(400, 404);
// Every signed-in user has a notification centre and a to-do list ('authenticated'); each sees only their own.

export const notificationsEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/notifications',
    permission: 'authenticated',
    summary: "List the caller's notifications",
    operationId: 'listNotifications',
    tags: ['notifications'],
    query: NotificationListQuery,
    responses: { 200: NotificationPage },
    errors,
  }),
  unreadCount: endpoint({
    method: 'GET',
    path: '/notifications/unread-count',
    permission: 'authenticated',
    summary: "Count the caller's unread notifications",
    operationId: 'countUnreadNotifications',
    tags: ['notifications'],
    responses: { 200: UnreadCount },
    errors,
  }),
  markRead: endpoint({
    method: 'POST',
    path: '/notifications/:id/read',
    permission: 'authenticated',
    summary: 'Mark a notification read',
    operationId: 'markNotificationRead',
    tags: ['notifications'],
    params: IdParams,
    responses: { 204: Type.Null() },
    errors,
  }),
  markAllRead: endpoint({
    method: 'POST',
    path: '/notifications/read-all',
    permission: 'authenticated',
    summary: "Mark all the caller's notifications read",
    operationId: 'markAllNotificationsRead',
    tags: ['notifications'],
    responses: { 204: Type.Null() },
    errors,
  }),
} as const;

export const todosEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/todos',
    permission: 'authenticated',
    summary: "List the caller's to-dos",
    operationId: 'listTodos',
    tags: ['todos'],
    query: TodoListQuery,
    responses: { 200: TodoPage },
    errors,
  }),
  done: endpoint({
    method: 'POST',
    path: '/todos/:id/done',
    permission: 'authenticated',
    summary: 'Mark a to-do done (an approval to-do answers 422: it closes with the decision)',
    operationId: 'markTodoDone',
    tags: ['todos'],
    params: IdParams,
    responses: { 204: Type.Null() },
    errors: { ...errors, ...errorResponses(422) },
  }),
} as const;
