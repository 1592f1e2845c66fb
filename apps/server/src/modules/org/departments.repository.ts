import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { departments } from '../../platform/db/schema/index.js';
import { updateVersioned, versionedWrites, type VersionKey } from '../../platform/db/versioned-rows.js';
import { firstRow } from '../../platform/db/row-reads.js';

/** Departments belong to an organization; every query here is limited to the caller's. */
export interface OrgScope {
  orgId: string;
}

// Qualified by hand: drizzle leaves columns unqualified in single-table selects, where they would bind to `u`.
const userCount = sql<number>`(select count(*)::int from users u where u.org_id = "departments"."org_id" and u.department_id = "departments"."id")`;
const row = {
  id: departments.id,
  name: departments.name,
  parentId: departments.parentId,
  sortOrder: departments.sortOrder,
  userCount,
  version: departments.version,
};
export interface DepartmentRow {
  id: string;
  name: string;
  parentId: string | null;
  sortOrder: number;
  userCount: number;
  version: number;
}

/** All SQL of departments. */
export const departmentsRepository = {
  async findAll(db: Executor, scope: OrgScope): Promise<DepartmentRow[]> {
    return db
      .select(row)
      .from(departments)
      .where(eq(departments.orgId, scope.orgId))
      .orderBy(asc(departments.sortOrder), asc(departments.name), asc(departments.id));
  },

  async getById(db: Executor, scope: OrgScope, id: string): Promise<DepartmentRow | null> {
    return firstRow(
      db
        .select(row)
        .from(departments)
        .where(and(eq(departments.orgId, scope.orgId), eq(departments.id, id))),
    );
  },

  /** Locks the row for the rest of the transaction. */
  async lockById(db: Executor, scope: OrgScope, id: string): Promise<DepartmentRow | null> {
    return firstRow(
      db
        .select(row)
        .from(departments)
        .where(and(eq(departments.orgId, scope.orgId), eq(departments.id, id)))
        .for('update'),
    );
  },

  /**
   * Serializes moves within one organization, so two concurrent moves cannot build a cycle that
   * neither would see on its own.
   */
  async lockTree(db: Executor, scope: OrgScope): Promise<void> {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`departments:${scope.orgId}`}))`);
  },

  /** True when `candidateId` is `departmentId` itself or lies anywhere below it. */
  async isSelfOrDescendant(
    db: Executor,
    scope: OrgScope,
    options: { departmentId: string; candidateId: string },
  ): Promise<boolean> {
    const rows = await queryRows<{ found: boolean }>(
      db,
      sql`with recursive tree(id) as (
            select ${options.departmentId}::uuid
            union
            select d.id from departments d join tree on d.parent_id = tree.id where d.org_id = ${scope.orgId}
          ) select exists(select 1 from tree where id = ${options.candidateId}::uuid) as found`,
    );
    return rows[0]?.found === true;
  },

  async hasChildren(db: Executor, scope: OrgScope, id: string): Promise<boolean> {
    const rows = await db
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.orgId, scope.orgId), eq(departments.parentId, id)))
      .limit(1);
    return rows.length > 0;
  },

  insert: versionedWrites(departments).insert,

  /** Applies changes when the version still matches; false when someone else changed it first. */
  update: (
    db: Executor,
    key: VersionKey,
    changes: Partial<Pick<typeof departments.$inferInsert, 'name' | 'parentId' | 'sortOrder'>>,
  ): Promise<boolean> => updateVersioned(db, departments, key, changes),

  async delete(db: Executor, scope: OrgScope, id: string): Promise<void> {
    await db.delete(departments).where(and(eq(departments.orgId, scope.orgId), eq(departments.id, id)));
  },
};
