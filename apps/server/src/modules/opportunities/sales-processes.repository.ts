import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import {
  departments,
  opportunities,
  salesProcesses,
  salesProcessStages,
  users,
} from '../../platform/db/schema/index.js';
import { firstRow } from '../../platform/db/row-reads.js';

export interface StageRow {
  id: string;
  processId: string;
  name: string;
  nameEn: string | null;
  probability: number;
  sortOrder: number;
}
export interface ProcessRow {
  id: string;
  name: string;
  departmentId: string | null;
  departmentName: string | null;
  version: number;
  updatedAt: Date;
  deletedAt: Date | null;
  opportunityCount: number;
}

const processColumns = {
  id: salesProcesses.id,
  name: salesProcesses.name,
  departmentId: salesProcesses.departmentId,
  departmentName: departments.name,
  version: salesProcesses.version,
  updatedAt: salesProcesses.updatedAt,
  deletedAt: salesProcesses.deletedAt,
  // Every opportunity counts, closed and deleted ones too: their logs point at the stages.
  opportunityCount: sql<number>`(select count(*)::int from opportunities o where o.org_id = ${salesProcesses.orgId} and o.process_id = ${salesProcesses.id})`,
};
const departmentJoin = and(
  eq(departments.orgId, salesProcesses.orgId),
  eq(departments.id, salesProcesses.departmentId),
);
const stageColumns = {
  id: salesProcessStages.id,
  processId: salesProcessStages.processId,
  name: salesProcessStages.name,
  nameEn: salesProcessStages.nameEn,
  probability: salesProcessStages.probability,
  sortOrder: salesProcessStages.sortOrder,
};

/**
 * Sales processes are organization settings, not owned records: every user of the organization
 * reads them (they name the board's columns); only `opportunities.manage` writes them.
 */
export const salesProcessesRepository = {
  /** Live processes, the default first, then by name. */
  async findLive(db: Executor, orgId: string): Promise<ProcessRow[]> {
    return db
      .select(processColumns)
      .from(salesProcesses)
      .leftJoin(departments, departmentJoin)
      .where(and(eq(salesProcesses.orgId, orgId), isNull(salesProcesses.deletedAt)))
      .orderBy(sql`${salesProcesses.departmentId} is not null`, asc(salesProcesses.name), asc(salesProcesses.id));
  },

  async getById(db: Executor, orgId: string, id: string): Promise<ProcessRow | null> {
    return firstRow(
      db
        .select(processColumns)
        .from(salesProcesses)
        .leftJoin(departments, departmentJoin)
        .where(and(eq(salesProcesses.orgId, orgId), eq(salesProcesses.id, id))),
    );
  },

  /** Locks the process row, so a concurrent opportunity cannot start using it mid-edit. */
  async lockById(
    db: Executor,
    orgId: string,
    id: string,
  ): Promise<{ id: string; version: number; deletedAt: Date | null } | null> {
    return firstRow(
      db
        .select({ id: salesProcesses.id, version: salesProcesses.version, deletedAt: salesProcesses.deletedAt })
        .from(salesProcesses)
        .where(and(eq(salesProcesses.orgId, orgId), eq(salesProcesses.id, id)))
        .for('update'),
    );
  },

  /** Shares the process row lock with other users of the process; an editor waits for them. */
  async shareLock(db: Executor, orgId: string, id: string): Promise<void> {
    await db.execute(sql`select 1 from sales_processes where org_id = ${orgId} and id = ${id} for share`);
  },

  async countOpportunities(db: Executor, orgId: string, processId: string): Promise<number> {
    const rows = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(opportunities)
      .where(and(eq(opportunities.orgId, orgId), eq(opportunities.processId, processId)));
    return rows[0]?.n ?? 0;
  },

  async findStages(db: Executor, orgId: string, processIds: string[]): Promise<StageRow[]> {
    if (processIds.length === 0) return [];
    return db
      .select(stageColumns)
      .from(salesProcessStages)
      .where(and(eq(salesProcessStages.orgId, orgId), inArray(salesProcessStages.processId, processIds)))
      .orderBy(asc(salesProcessStages.processId), asc(salesProcessStages.sortOrder));
  },

  async getStage(db: Executor, orgId: string, stageId: string): Promise<StageRow | null> {
    return firstRow(
      db
        .select(stageColumns)
        .from(salesProcessStages)
        .where(and(eq(salesProcessStages.orgId, orgId), eq(salesProcessStages.id, stageId))),
    );
  },

  async hasAnyProcess(db: Executor, orgId: string): Promise<boolean> {
    const rows = await db
      .select({ id: salesProcesses.id })
      .from(salesProcesses)
      .where(eq(salesProcesses.orgId, orgId))
      .limit(1);
    return rows.length > 0;
  },

  /**
   * The live process for a department: its own, else the nearest ancestor's, else the
   * organization's default (null department).
   */
  async resolveForDepartment(db: Executor, orgId: string, departmentId: string | null): Promise<string | null> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`
      with recursive chain(id, depth) as (
        select d.id, 0 from departments d where d.org_id = ${orgId} and d.id = ${departmentId}::uuid
        union all
        select d.parent_id, chain.depth + 1 from departments d join chain on d.id = chain.id
         where d.org_id = ${orgId} and d.parent_id is not null and chain.depth < 20
      )
      select p.id from sales_processes p
        left join chain on chain.id = p.department_id
       where p.org_id = ${orgId} and p.deleted_at is null and (p.department_id is null or chain.id is not null)
       order by coalesce(chain.depth, 1000) limit 1`,
    );
    return rows[0]?.id ?? null;
  },

  /** Inserts a process; false when the department (or the default) already has a live one. */
  async insertProcess(db: Executor, values: typeof salesProcesses.$inferInsert): Promise<boolean> {
    const rows = await db
      .insert(salesProcesses)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: salesProcesses.id });
    return rows.length > 0;
  },

  async updateProcess(
    db: Executor,
    key: { orgId: string; id: string },
    changes: Partial<typeof salesProcesses.$inferInsert>,
  ): Promise<void> {
    await db
      .update(salesProcesses)
      .set({ ...changes, updatedAt: sql`now()`, version: sql`${salesProcesses.version} + 1` })
      .where(and(eq(salesProcesses.orgId, key.orgId), eq(salesProcesses.id, key.id)));
  },

  async insertStages(db: Executor, values: (typeof salesProcessStages.$inferInsert)[]): Promise<void> {
    if (values.length > 0) await db.insert(salesProcessStages).values(values);
  },

  async updateStage(
    db: Executor,
    key: { orgId: string; id: string },
    changes: Partial<typeof salesProcessStages.$inferInsert>,
  ): Promise<void> {
    await db
      .update(salesProcessStages)
      .set(changes)
      .where(and(eq(salesProcessStages.orgId, key.orgId), eq(salesProcessStages.id, key.id)));
  },

  /** Removes the stages of a process that are not kept (only for unused processes). */
  async deleteStagesExcept(db: Executor, key: { orgId: string; processId: string }, keepIds: string[]): Promise<void> {
    const conditions = [eq(salesProcessStages.orgId, key.orgId), eq(salesProcessStages.processId, key.processId)];
    if (keepIds.length > 0) conditions.push(notInArray(salesProcessStages.id, keepIds));
    await db.delete(salesProcessStages).where(and(...conditions));
  },

  /** Hard delete of an unused process; stages go with it (cascade). */
  async deleteProcess(db: Executor, key: { orgId: string; id: string }): Promise<void> {
    await db.delete(salesProcesses).where(and(eq(salesProcesses.orgId, key.orgId), eq(salesProcesses.id, key.id)));
  },

  async getUserDepartmentId(db: Executor, orgId: string, userId: string): Promise<string | null> {
    const rows = await db
      .select({ departmentId: users.departmentId })
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
    return rows[0]?.departmentId ?? null;
  },

  async isDepartment(db: Executor, orgId: string, departmentId: string): Promise<boolean> {
    const rows = await db
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.orgId, orgId), eq(departments.id, departmentId)));
    return rows.length > 0;
  },
};
