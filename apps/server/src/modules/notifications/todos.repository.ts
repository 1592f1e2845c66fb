import { and, desc, eq, isNotNull, isNull, lt, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { todos } from '../../platform/db/schema/index.js';
import { recipientRows, type Recipient } from './notifications.repository.js';
import { columnsEqual } from '../../platform/db/row-reads.js';

export type TodoRow = typeof todos.$inferSelect;

/** All SQL on to-dos; user-facing reads and writes always filter by organization and user. */
export const todosRepository = {
  /** Rows whose (user, dedupe key) already exists are skipped, so creating is idempotent. */
  async insertMany(db: Executor, rows: (typeof todos.$inferInsert)[]): Promise<void> {
    if (rows.length === 0) return;
    await db.insert(todos).values(rows).onConflictDoNothing();
  },

  /** System write: closes the open to-dos of one kind about one entity, whoever holds them. */
  async completeForEntity(
    db: Executor,
    key: { orgId: string; entity: string; entityId: string; kind: string },
  ): Promise<void> {
    const { orgId, entity, entityId, kind } = key;
    await db
      .update(todos)
      .set({ doneAt: sql`now()` })
      .where(and(columnsEqual(todos, { orgId, entity, entityId, kind }), isNull(todos.doneAt)));
  },

  async findPage(
    db: Executor,
    recipient: Recipient,
    options: { status: 'open' | 'done' | undefined; beforeId: string | null; limit: number },
  ): Promise<TodoRow[]> {
    const conditions = [recipientRows(todos, recipient)];
    if (options.status === 'open') conditions.push(isNull(todos.doneAt));
    if (options.status === 'done') conditions.push(isNotNull(todos.doneAt));
    if (options.beforeId) conditions.push(lt(todos.id, options.beforeId));
    return db
      .select()
      .from(todos)
      .where(and(...conditions))
      .orderBy(desc(todos.id))
      .limit(options.limit);
  },

  /**
   * Ticks the recipient's own to-do done unless its kind is one of `keptKinds`. Answers 'done',
   * 'kept' (it exists but may not be ticked) or 'missing' (not the recipient's own, or unknown).
   */
  async markDone(
    db: Executor,
    recipient: Recipient,
    options: { id: string; keptKinds: readonly string[] },
  ): Promise<'done' | 'kept' | 'missing'> {
    const rows = await db
      .update(todos)
      .set({ doneAt: sql`coalesce(${todos.doneAt}, now())` })
      .where(
        and(recipientRows(todos, recipient), eq(todos.id, options.id), notInArray(todos.kind, [...options.keptKinds])),
      )
      .returning({ id: todos.id });
    if (rows.length > 0) return 'done';
    const kept = await db
      .select({ id: todos.id })
      .from(todos)
      .where(and(recipientRows(todos, recipient), eq(todos.id, options.id)));
    return kept.length > 0 ? 'kept' : 'missing';
  },
};
