import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { lossReasons } from '../../platform/db/schema/index.js';
import { byKey, firstRow, hasRow } from '../../platform/db/row-reads.js';
import { versionedWrites } from '../../platform/db/versioned-rows.js';

export type LossReasonRow = typeof lossReasons.$inferSelect;

/** Loss reasons are an organization setting: everyone of the organization reads them. */
export const lossReasonsRepository = {
  ...versionedWrites(lossReasons),

  async hasAny(db: Executor, orgId: string): Promise<boolean> {
    return hasRow(db, lossReasons, eq(lossReasons.orgId, orgId));
  },

  /** Seeded reasons: a concurrent seed inserts each code once. */
  async insertSeeded(db: Executor, rows: (typeof lossReasons.$inferInsert)[]): Promise<void> {
    await db.insert(lossReasons).values(rows).onConflictDoNothing();
  },

  /** Live reasons first by their order, archived ones after them. */
  async findAll(db: Executor, orgId: string): Promise<LossReasonRow[]> {
    return db
      .select()
      .from(lossReasons)
      .where(eq(lossReasons.orgId, orgId))
      .orderBy(sql`${lossReasons.deletedAt} is not null`, asc(lossReasons.sortOrder), asc(lossReasons.name));
  },

  async getLive(db: Executor, orgId: string, id: string): Promise<LossReasonRow | null> {
    return firstRow(
      db
        .select()
        .from(lossReasons)
        .where(and(byKey(lossReasons, { orgId, id }), isNull(lossReasons.deletedAt))),
    );
  },

  async lockById(db: Executor, orgId: string, id: string): Promise<LossReasonRow | null> {
    return firstRow(db.select().from(lossReasons).where(byKey(lossReasons, { orgId, id })).for('update'));
  },

  async nextSortOrder(db: Executor, orgId: string): Promise<number> {
    const rows = await db
      .select({ n: sql<number>`coalesce(max(${lossReasons.sortOrder}), 0)::int + 10` })
      .from(lossReasons)
      .where(eq(lossReasons.orgId, orgId));
    return rows[0]?.n ?? 10;
  },
};
