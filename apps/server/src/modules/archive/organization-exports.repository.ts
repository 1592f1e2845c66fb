import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { organizationExports, users } from '../../platform/db/schema/index.js';

export type OrganizationExportRow = typeof organizationExports.$inferSelect & { requestedByName: string | null };

const columns = {
  orgId: organizationExports.orgId,
  id: organizationExports.id,
  state: organizationExports.state,
  startedAt: organizationExports.startedAt,
  finishedAt: organizationExports.finishedAt,
  requestedBy: organizationExports.requestedBy,
  tablesTotal: organizationExports.tablesTotal,
  rows: organizationExports.rows,
  bytes: organizationExports.bytes,
  fileName: organizationExports.fileName,
  requestedByName: users.displayName,
};

/** All SQL of organization exports; every query is limited to the caller's organization. */
export const organizationExportsRepository = {
  async insert(tx: Executor, row: typeof organizationExports.$inferInsert): Promise<void> {
    await tx.insert(organizationExports).values(row);
  },

  async finish(
    db: Executor,
    key: { orgId: string; id: string },
    outcome: { state: 'succeeded' | 'failed'; tablesTotal: number; rows: number; bytes: number | null },
  ): Promise<void> {
    await db
      .update(organizationExports)
      .set({ ...outcome, finishedAt: sql`now()` as unknown as Date })
      .where(and(eq(organizationExports.orgId, key.orgId), eq(organizationExports.id, key.id)));
  },

  /** The organization's exports, newest first. */
  findAll(db: Executor, orgId: string): Promise<OrganizationExportRow[]> {
    return db
      .select(columns)
      .from(organizationExports)
      .leftJoin(users, and(eq(users.orgId, organizationExports.orgId), eq(users.id, organizationExports.requestedBy)))
      .where(eq(organizationExports.orgId, orgId))
      .orderBy(desc(organizationExports.startedAt), desc(organizationExports.id));
  },

  async deleteByIds(db: Executor, orgId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await db
      .delete(organizationExports)
      .where(and(eq(organizationExports.orgId, orgId), inArray(organizationExports.id, ids)));
  },
};
