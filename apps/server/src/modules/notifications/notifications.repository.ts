import { and, desc, eq, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { notifications, todos } from '../../platform/db/schema/index.js';
import { countRows } from '../../platform/db/row-reads.js';

/** Whose notifications: every query is limited to the caller's own rows. */
export interface Recipient {
  orgId: string;
  userId: string;
}
export type NotificationRow = typeof notifications.$inferSelect;

/** The recipient's own rows of a table of per-user rows (notifications, to-dos). */
export const recipientRows = (table: typeof notifications | typeof todos, recipient: Recipient): SQL =>
  and(eq(table.orgId, recipient.orgId), eq(table.userId, recipient.userId))!;

/** All SQL on notifications; reads and writes always filter by organization and user. */
export const notificationsRepository = {
  /** Rows whose (user, dedupe key) already exists are skipped. */
  async insertMany(db: Executor, rows: (typeof notifications.$inferInsert)[]): Promise<void> {
    if (rows.length === 0) return;
    await db.insert(notifications).values(rows).onConflictDoNothing();
  },

  async findPage(
    db: Executor,
    recipient: Recipient,
    options: { unread: boolean; beforeId: string | null; limit: number },
  ): Promise<NotificationRow[]> {
    const conditions = [recipientRows(notifications, recipient)];
    if (options.unread) conditions.push(isNull(notifications.readAt));
    if (options.beforeId) conditions.push(lt(notifications.id, options.beforeId));
    return db
      .select()
      .from(notifications)
      .where(and(...conditions))
      .orderBy(desc(notifications.id))
      .limit(options.limit);
  },

  async countUnread(db: Executor, recipient: Recipient): Promise<number> {
    return countRows(db, notifications, and(recipientRows(notifications, recipient), isNull(notifications.readAt)));
  },

  /** False when the notification is not the recipient's own (or does not exist). */
  async markRead(db: Executor, recipient: Recipient, id: string): Promise<boolean> {
    const rows = await db
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(and(recipientRows(notifications, recipient), eq(notifications.id, id)))
      .returning({ id: notifications.id });
    return rows.length > 0;
  },

  async markAllRead(db: Executor, recipient: Recipient): Promise<number> {
    const rows = await db
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(recipientRows(notifications, recipient), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return rows.length;
  },
};
