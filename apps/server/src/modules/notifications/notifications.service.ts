import {
  APPROVAL_TODO_KINDS,
  type Notification,
  type NotificationListQuery,
  type NotificationPage,
  type Locale,
  type Todo,
  type TodoListQuery,
  type TodoPage,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { notificationsRepository, type NotificationRow, type Recipient } from './notifications.repository.js';
import { todosRepository, type TodoRow } from './todos.repository.js';
import { iso } from '../../platform/db/row-values.js';
import { paramsForReader } from './notice-params.js';

const recipientOf = (actor: Actor): Recipient => ({ orgId: actor.orgId, userId: actor.userId });

const toNotification =
  (locale: Locale) =>
  (row: NotificationRow): Notification => ({
    id: row.id,
    kind: row.kind,
    params: paramsForReader(locale, row.params),
    entity: row.entity,
    entityId: row.entityId,
    readAt: iso(row.readAt),
    createdAt: iso(row.createdAt)!,
  });

const toTodo =
  (locale: Locale) =>
  (row: TodoRow): Todo => ({
    id: row.id,
    kind: row.kind,
    params: paramsForReader(locale, row.params),
    entity: row.entity,
    entityId: row.entityId,
    dueAt: iso(row.dueAt),
    doneAt: iso(row.doneAt),
    createdAt: iso(row.createdAt)!,
  });

/** Newest first by id (UUIDv7 is time-ordered), so the cursor is the last id. */
function pageOf<R extends { id: string }, T>(rows: R[], limit: number, map: (row: R) => T) {
  const page = keysetPage(rows, { limit, sortValueOf: () => null });
  return { items: page.rows.map(map), nextCursor: page.nextCursor };
}

/** The caller's own notification centre and to-do list; nobody reads another user's. */
export function createNotificationsService({ db }: { db: Db }) {
  return {
    async list(actor: Actor, query: NotificationListQuery): Promise<NotificationPage> {
      const limit = query.limit ?? 50;
      const cursor = decodeCursor(query.cursor, 'text');
      const rows = await notificationsRepository.findPage(db, recipientOf(actor), {
        unread: query.unread ?? false,
        beforeId: cursor?.id ?? null,
        limit: limit + 1,
      });
      return pageOf(rows, limit, toNotification(actor.locale));
    },

    async unreadCount(actor: Actor): Promise<{ count: number }> {
      return { count: await notificationsRepository.countUnread(db, recipientOf(actor)) };
    },

    async markRead(actor: Actor, id: string): Promise<void> {
      if (!(await notificationsRepository.markRead(db, recipientOf(actor), id))) throw notFound('entity.notification');
    },

    async markAllRead(actor: Actor): Promise<void> {
      await notificationsRepository.markAllRead(db, recipientOf(actor));
    },

    async listTodos(actor: Actor, query: TodoListQuery): Promise<TodoPage> {
      const limit = query.limit ?? 50;
      const cursor = decodeCursor(query.cursor, 'text');
      const rows = await todosRepository.findPage(db, recipientOf(actor), {
        status: query.status,
        beforeId: cursor?.id ?? null,
        limit: limit + 1,
      });
      return pageOf(rows, limit, toTodo(actor.locale));
    },

    /** An approval's to-do closes with the decision on the approval card, never by a tick (422). */
    async markTodoDone(actor: Actor, id: string): Promise<void> {
      const result = await todosRepository.markDone(db, recipientOf(actor), { id, keptKinds: APPROVAL_TODO_KINDS });
      if (result === 'missing') throw notFound('entity.todo');
      if (result === 'kept') throw new AppError('business_rule', 'error.approvalTodoNeedsDecision');
    },
  };
}
