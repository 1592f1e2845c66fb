import { and, asc, eq, or } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { savedViews, users } from '../../platform/db/schema/index.js';
import { firstRow } from '../../platform/db/row-reads.js';

export interface SavedViewRow {
  id: string;
  userId: string;
  module: string;
  name: string;
  query: Record<string, unknown>;
  shared: boolean;
  ownerName: string | null;
  createdAt: Date;
}

const columns = {
  id: savedViews.id,
  userId: savedViews.userId,
  module: savedViews.module,
  name: savedViews.name,
  query: savedViews.query,
  shared: savedViews.shared,
  ownerName: users.displayName,
  createdAt: savedViews.createdAt,
};
const ownerJoin = and(eq(users.orgId, savedViews.orgId), eq(users.id, savedViews.userId));

/** SQL for saved views: a user reads their own and the organization's shared ones, and writes only their own. */
export const savedViewsRepository = {
  async findVisible(db: Executor, key: { orgId: string; userId: string; module: string }): Promise<SavedViewRow[]> {
    return db
      .select(columns)
      .from(savedViews)
      .leftJoin(users, ownerJoin)
      .where(
        and(
          eq(savedViews.orgId, key.orgId),
          eq(savedViews.module, key.module),
          or(eq(savedViews.userId, key.userId), eq(savedViews.shared, true)),
        ),
      )
      .orderBy(asc(savedViews.name), asc(savedViews.id));
  },

  async getOwn(db: Executor, key: { orgId: string; userId: string; id: string }): Promise<SavedViewRow | null> {
    return firstRow(
      db
        .select(columns)
        .from(savedViews)
        .leftJoin(users, ownerJoin)
        .where(and(eq(savedViews.orgId, key.orgId), eq(savedViews.userId, key.userId), eq(savedViews.id, key.id))),
    );
  },

  async insert(db: Executor, values: typeof savedViews.$inferInsert): Promise<void> {
    await db.insert(savedViews).values(values);
  },

  async deleteOwn(db: Executor, key: { orgId: string; userId: string; id: string }): Promise<boolean> {
    const rows = await db
      .delete(savedViews)
      .where(and(eq(savedViews.orgId, key.orgId), eq(savedViews.userId, key.userId), eq(savedViews.id, key.id)))
      .returning({ id: savedViews.id });
    return rows.length > 0;
  },
};
