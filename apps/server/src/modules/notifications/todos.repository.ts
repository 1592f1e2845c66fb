import { and, desc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { todos } from '../../platform/db/schema/index.js';
import type { Recipient } from './notifications.repository.js';

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
    await db
      .update(todos)
      .set({ doneAt: sql`now()` })
      .where(
        and(
          eq(todos.orgId, key.orgId),
          eq(todos.entity, key.entity),
          eq(todos.entityId, key.entityId),
          eq(todos.kind, key.kind),
          isNull(todos.doneAt),
        ),
      );
  },

  async findPage(
    db: Executor,
    recipient: Recipient,
    options: { status: 'open' | 'done' | undefined; beforeId: string | null; limit: number },
  ): Promise<TodoRow[]> {
    const conditions = [eq(todos.orgId, recipient.orgId), eq(todos.userId, recipient.userId)];
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

  /** False when the to-do is not the recipient's own (or does not exist). */
  async markDone(db: Executor, recipient: Recipient, id: string): Promise<boolean> {
    const rows = await db
      .update(todos)
      .set({ doneAt: sql`coalesce(${todos.doneAt}, now())` })
      .where(and(eq(todos.orgId, recipient.orgId), eq(todos.userId, recipient.userId), eq(todos.id, id)))
      .returning({ id: todos.id });
    return rows.length > 0;
  },
};
