import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { newId } from '../db/ids.js';
import { customerPools, departments, leadPools, users } from '../db/schema/index.js';
import type { poolMembersTable } from '../db/schema/pool-members.js';
import { AppError } from '../errors/app-error.js';
import { membershipOfRows, rowsOfMembership, type PoolMembership } from './pool-membership.js';

/** The tables of a kind of pool: the pool definitions and their admins and members. */
export type PoolTable = typeof customerPools | typeof leadPools;
export type PoolMembersTable = ReturnType<typeof poolMembersTable<string>>;

/**
 * The SQL every kind of pool shares — its definitions (name, version) and membership — for the
 * tables the module hands in; every query is limited to the caller's organization.
 */
export function createPoolStore<P extends PoolTable>(tables: { pools: P; members: PoolMembersTable }) {
  const { pools, members } = tables;
  // Reads need the plain union: drizzle cannot check `from()` against a table type left generic.
  const poolTable: PoolTable = pools;

  const store = {
    /**
     * The pools `selectPools` reads (in its order) with their membership; `poolIds` limits them.
     * The module selects its own columns and gets the condition to apply.
     */
    async findAll<R extends { id: string }>(
      db: Executor,
      orgId: string,
      selectPools: (where: SQL) => Promise<R[]>,
      options: { poolIds?: string[] } = {},
    ): Promise<(R & PoolMembership)[]> {
      const conditions = [eq(pools.orgId, orgId)];
      if (options.poolIds) conditions.push(inArray(pools.id, options.poolIds.length > 0 ? options.poolIds : [newId()]));
      const found = await selectPools(and(...conditions)!);
      if (found.length === 0) return [];
      const memberRows = await db
        .select({
          poolId: members.poolId,
          role: members.role,
          userId: members.userId,
          departmentId: members.departmentId,
        })
        .from(members)
        .where(
          and(
            eq(members.orgId, orgId),
            inArray(
              members.poolId,
              found.map((p) => p.id),
            ),
          ),
        );
      return found.map((pool) => ({ ...pool, ...membershipOfRows(memberRows.filter((m) => m.poolId === pool.id)) }));
    },

    /** Locks the pool row for an update; null when it is not in the organization. */
    async lockById(db: Executor, orgId: string, id: string): Promise<{ version: number } | null> {
      const rows = await db
        .select({ version: pools.version })
        .from(poolTable)
        .where(and(eq(pools.orgId, orgId), eq(pools.id, id)))
        .for('update');
      return rows[0] ?? null;
    },

    /** Writes the changes when the version still matches; false when another write came first. */
    async update(
      db: Executor,
      key: { orgId: string; id: string; version: number },
      changes: Partial<P['$inferInsert']>,
    ): Promise<boolean> {
      const rows = await db
        .update(pools)
        .set({ ...changes, updatedAt: sql`now()`, version: sql`${pools.version} + 1` })
        .where(and(eq(pools.orgId, key.orgId), eq(pools.id, key.id), eq(pools.version, key.version)))
        .returning({ id: pools.id });
      return rows.length > 0;
    },

    async delete(db: Executor, orgId: string, id: string): Promise<void> {
      await db.delete(pools).where(and(eq(pools.orgId, orgId), eq(pools.id, id)));
    },

    async isNameTaken(db: Executor, options: { orgId: string; name: string; exceptId?: string }): Promise<boolean> {
      const rows = await db
        .select({ id: pools.id })
        .from(poolTable)
        .where(and(eq(pools.orgId, options.orgId), eq(pools.name, options.name)));
      return rows.some((r) => r.id !== options.exceptId);
    },

    /** Replaces the admins and members of a pool. */
    async replaceMembers(
      db: Executor,
      key: { orgId: string; poolId: string },
      membership: PoolMembership,
    ): Promise<void> {
      await db.delete(members).where(and(eq(members.orgId, key.orgId), eq(members.poolId, key.poolId)));
      const rows = rowsOfMembership(membership);
      if (rows.length === 0) return;
      await db.insert(members).values(rows.map((r) => ({ ...r, orgId: key.orgId, id: newId(), poolId: key.poolId })));
    },
  };
  return store;
}

/** How many of the ids are users (or departments) of the organization. */
async function countExisting(
  db: Executor,
  orgId: string,
  ids: { userIds: string[]; departmentIds: string[] },
): Promise<{ users: number; departments: number }> {
  const count = async (table: typeof users | typeof departments, list: string[]) =>
    list.length === 0
      ? 0
      : (
          await db
            .select({ n: sql<number>`count(*)::int` })
            .from(table)
            .where(and(eq(table.orgId, orgId), inArray(table.id, list)))
        )[0]!.n;
  return { users: await count(users, ids.userIds), departments: await count(departments, ids.departmentIds) };
}

/** Members and admins must be users (and departments) of the caller's organization. */
export async function assertKnownPoolPrincipals(
  executor: Executor,
  orgId: string,
  membership: Partial<PoolMembership>,
): Promise<void> {
  const userIds = [...new Set([...(membership.adminUserIds ?? []), ...(membership.memberUserIds ?? [])])];
  const departmentIds = membership.memberDepartmentIds ?? [];
  const found = await countExisting(executor, orgId, { userIds, departmentIds });
  if (found.users !== userIds.length) {
    const field = (membership.adminUserIds ?? []).length > 0 ? 'adminUserIds' : 'memberUserIds';
    throw new AppError('validation', 'error.unknownUser', { fields: [{ field, key: 'validation.invalid' }] });
  }
  if (found.departments !== departmentIds.length) {
    throw new AppError('validation', 'error.unknownDepartment', {
      fields: [{ field: 'memberDepartmentIds', key: 'validation.invalid' }],
    });
  }
}
