import {
  DEFAULT_POOL_RULES,
  DEFAULT_POOL_VISIBLE_FIELDS,
  type PoolRules,
  type PoolVisibleField,
} from '@guanxi/contract';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { customerPoolMembers, customerPools, departments, users } from '../../platform/db/schema/index.js';

export interface PoolRow {
  id: string;
  name: string;
  isDefault: boolean;
  openToAll: boolean;
  rules: PoolRules;
  visibleFields: PoolVisibleField[];
  createdAt: Date;
  updatedAt: Date;
  version: number;
  adminUserIds: string[];
  memberUserIds: string[];
  memberDepartmentIds: string[];
}

export interface PoolMembership {
  adminUserIds: string[];
  memberUserIds: string[];
  memberDepartmentIds: string[];
}

const columns = {
  id: customerPools.id,
  name: customerPools.name,
  isDefault: customerPools.isDefault,
  openToAll: customerPools.openToAll,
  rules: customerPools.rules,
  visibleFields: customerPools.visibleFields,
  createdAt: customerPools.createdAt,
  updatedAt: customerPools.updatedAt,
  version: customerPools.version,
};

/** Rules stored before a rule existed get its default. */
const withDefaults = (rules: unknown): PoolRules => ({ ...DEFAULT_POOL_RULES, ...(rules as Partial<PoolRules>) });

/** All SQL for pools and their members; every query is limited to the caller's organization. */
export const poolsRepository = {
  async findAll(db: Executor, orgId: string, options: { poolIds?: string[] } = {}): Promise<PoolRow[]> {
    const conditions = [eq(customerPools.orgId, orgId)];
    if (options.poolIds)
      conditions.push(inArray(customerPools.id, options.poolIds.length > 0 ? options.poolIds : [newId()]));
    const pools = await db
      .select(columns)
      .from(customerPools)
      .where(and(...conditions))
      .orderBy(asc(customerPools.createdAt));
    if (pools.length === 0) return [];
    const members = await db
      .select()
      .from(customerPoolMembers)
      .where(
        and(
          eq(customerPoolMembers.orgId, orgId),
          inArray(
            customerPoolMembers.poolId,
            pools.map((p) => p.id),
          ),
        ),
      );
    return pools.map((pool) => {
      const own = members.filter((m) => m.poolId === pool.id);
      return {
        ...pool,
        rules: withDefaults(pool.rules),
        visibleFields: pool.visibleFields as PoolVisibleField[],
        adminUserIds: own.filter((m) => m.role === 'admin').map((m) => m.userId!),
        memberUserIds: own.filter((m) => m.role === 'member' && m.userId).map((m) => m.userId!),
        memberDepartmentIds: own.filter((m) => m.role === 'member' && m.departmentId).map((m) => m.departmentId!),
      };
    });
  },

  async getById(db: Executor, orgId: string, id: string): Promise<PoolRow | null> {
    return (await poolsRepository.findAll(db, orgId, { poolIds: [id] }))[0] ?? null;
  },

  async getDefault(db: Executor, orgId: string): Promise<PoolRow | null> {
    const rows = await db
      .select({ id: customerPools.id })
      .from(customerPools)
      .where(and(eq(customerPools.orgId, orgId), eq(customerPools.isDefault, true)));
    return rows[0] ? poolsRepository.getById(db, orgId, rows[0].id) : null;
  },

  /** Locks the pool row for an update; null when it is not in the organization. */
  async lockById(db: Executor, orgId: string, id: string): Promise<{ version: number } | null> {
    const rows = await db
      .select({ version: customerPools.version })
      .from(customerPools)
      .where(and(eq(customerPools.orgId, orgId), eq(customerPools.id, id)))
      .for('update');
    return rows[0] ?? null;
  },

  async insert(
    db: Executor,
    values: {
      orgId: string;
      id: string;
      name: string;
      isDefault?: boolean;
      openToAll?: boolean;
      rules?: PoolRules;
      visibleFields?: PoolVisibleField[];
    },
  ): Promise<void> {
    await db.insert(customerPools).values({
      ...values,
      rules: values.rules ?? DEFAULT_POOL_RULES,
      visibleFields: values.visibleFields ?? DEFAULT_POOL_VISIBLE_FIELDS,
    });
  },

  async update(
    db: Executor,
    key: { orgId: string; id: string; version: number },
    changes: Partial<{ name: string; openToAll: boolean; rules: PoolRules; visibleFields: PoolVisibleField[] }>,
  ): Promise<boolean> {
    const rows = await db
      .update(customerPools)
      .set({ ...changes, updatedAt: sql`now()`, version: sql`${customerPools.version} + 1` })
      .where(
        and(eq(customerPools.orgId, key.orgId), eq(customerPools.id, key.id), eq(customerPools.version, key.version)),
      )
      .returning({ id: customerPools.id });
    return rows.length > 0;
  },

  /** Replaces the admins and members of a pool. */
  async replaceMembers(
    db: Executor,
    key: { orgId: string; poolId: string },
    membership: PoolMembership,
  ): Promise<void> {
    await db
      .delete(customerPoolMembers)
      .where(and(eq(customerPoolMembers.orgId, key.orgId), eq(customerPoolMembers.poolId, key.poolId)));
    const rows = [
      ...membership.adminUserIds.map((userId) => ({ role: 'admin', userId, departmentId: null })),
      ...membership.memberUserIds.map((userId) => ({ role: 'member', userId, departmentId: null })),
      ...membership.memberDepartmentIds.map((departmentId) => ({ role: 'member', userId: null, departmentId })),
    ];
    if (rows.length === 0) return;
    await db
      .insert(customerPoolMembers)
      .values(rows.map((r) => ({ ...r, orgId: key.orgId, id: newId(), poolId: key.poolId })));
  },

  async isNameTaken(db: Executor, options: { orgId: string; name: string; exceptId?: string }): Promise<boolean> {
    const rows = await db
      .select({ id: customerPools.id })
      .from(customerPools)
      .where(and(eq(customerPools.orgId, options.orgId), eq(customerPools.name, options.name)));
    return rows.some((r) => r.id !== options.exceptId);
  },

  /** How many of the ids are users (or departments) of the organization. */
  async countExisting(
    db: Executor,
    orgId: string,
    ids: { userIds: string[]; departmentIds: string[] },
  ): Promise<{ users: number; departments: number }> {
    const countUsers =
      ids.userIds.length === 0
        ? 0
        : (
            await db
              .select({ n: sql<number>`count(*)::int` })
              .from(users)
              .where(and(eq(users.orgId, orgId), inArray(users.id, ids.userIds)))
          )[0]!.n;
    const countDepartments =
      ids.departmentIds.length === 0
        ? 0
        : (
            await db
              .select({ n: sql<number>`count(*)::int` })
              .from(departments)
              .where(and(eq(departments.orgId, orgId), inArray(departments.id, ids.departmentIds)))
          )[0]!.n;
    return { users: countUsers, departments: countDepartments };
  },
};
