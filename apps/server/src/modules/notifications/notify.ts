import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { notificationsRepository } from './notifications.repository.js';
import { todosRepository } from './todos.repository.js';

export interface NotifyUsersOptions {
  orgId: string;
  userIds: readonly string[];
  /** e.g. `customer_stuck`; the web renders the text from kind + params in the user's language. */
  kind: string;
  params: Record<string, unknown>;
  entity: string;
  entityId: string;
  /** With a key, a user gets this notification at most once. */
  dedupeKey?: string;
}

/** Sends an in-app notification to each user (duplicates in `userIds` collapse), in the caller's transaction. */
export async function notifyUsers(executor: Executor, options: NotifyUsersOptions): Promise<void> {
  await notifyEach(executor, [options]);
}

/**
 * Sends many different notifications in one insert (a nightly job telling thousands of owners),
 * in the caller's transaction; each keeps its own dedupe key, so a rerun adds nothing.
 */
export async function notifyEach(executor: Executor, notices: readonly NotifyUsersOptions[]): Promise<void> {
  await notificationsRepository.insertMany(
    executor,
    notices.flatMap((options) =>
      [...new Set(options.userIds)].map((userId) => ({
        orgId: options.orgId,
        id: newId(),
        userId,
        kind: options.kind,
        params: options.params,
        entity: options.entity,
        entityId: options.entityId,
        dedupeKey: options.dedupeKey ?? null,
      })),
    ),
  );
}

export interface CreateTodosOptions {
  orgId: string;
  userIds: readonly string[];
  kind: string;
  entity: string;
  entityId: string;
  dueAt: Date | null;
  /** Idempotence: a user never gets two to-dos with the same key. */
  dedupeKey: string;
  params?: Record<string, unknown>;
}

/** Creates one to-do per user, idempotent by (user, dedupe key), in the caller's transaction. */
export async function createTodos(executor: Executor, options: CreateTodosOptions): Promise<void> {
  const userIds = [...new Set(options.userIds)];
  await todosRepository.insertMany(
    executor,
    userIds.map((userId) => ({
      orgId: options.orgId,
      id: newId(),
      userId,
      kind: options.kind,
      params: options.params ?? {},
      entity: options.entity,
      entityId: options.entityId,
      dueAt: options.dueAt,
      dedupeKey: options.dedupeKey,
    })),
  );
}

/** Marks every open to-do of this kind about this entity done (e.g. once a request is decided). */
export async function completeTodos(
  executor: Executor,
  options: { orgId: string; entity: string; entityId: string; kind: string },
): Promise<void> {
  await todosRepository.completeForEntity(executor, options);
}
