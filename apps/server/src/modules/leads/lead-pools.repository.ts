import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { departments, leadPoolMembers, leadPools, leads, users } from '../../platform/db/schema/index.js';

export interface LeadPoolMembership {
  adminUserIds: string[];
  memberUserIds: string[];
  memberDepartmentIds: string[];
}

export interface LeadPoolRow extends LeadPoolMembership {
  id: string;
  name: string;
  description: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

const columns = {
  id: leadPools.id,
  name: leadPools.name,
  description: leadPools.description,
  createdAt: leadPools.createdAt,
  updatedAt: leadPools.updatedAt,
  version: leadPools.version,
};

/** All SQL for lead pools and their members; every query is limited to the caller's organization. */
export const leadPoolsRepository = {
  async findAll(db: Executor, orgId: string, options: { poolIds?: string[] } = {}): Promise<LeadPoolRow[]> {
    const conditions = [eq(leadPools.orgId, orgId)];
    if (options.poolIds)
      conditions.push(inArray(leadPools.id, options.poolIds.length > 0 ? options.poolIds : [newId()]));
    const pools = await db
      .select(columns)
      .from(leadPools)
      .where(and(...conditions))
      .orderBy(asc(leadPools.createdAt));
    if (pools.length === 0) return [];
    const members = await db
      .select()
      .from(leadPoolMembers)
      .where(
        and(
          eq(leadPoolMembers.orgId, orgId),
          inArray(
            leadPoolMembers.poolId,
            pools.map((p) => p.id),
          ),
        ),
      );
    return pools.map((pool) => {
      const own = members.filter((m) => m.poolId === pool.id);
      return {
        ...pool,
        adminUserIds: own.filter((m) => m.role === 'admin').map((m) => m.userId!),
        memberUserIds: own.filter((m) => m.role === 'member' && m.userId).map((m) => m.userId!),
        memberDepartmentIds: own.filter((m) => m.role === 'member' && m.departmentId).map((m) => m.departmentId!),
      };
    });
  },

  async getById(db: Executor, orgId: string, id: string): Promise<LeadPoolRow | null> {
    return (await leadPoolsRepository.findAll(db, orgId, { poolIds: [id] }))[0] ?? null;
  },

  async lockById(db: Executor, orgId: string, id: string): Promise<{ version: number } | null> {
    const rows = await db
      .select({ version: leadPools.version })
      .from(leadPools)
      .where(and(eq(leadPools.orgId, orgId), eq(leadPools.id, id)))
      .for('update');
    return rows[0] ?? null;
  },

  async insert(
    db: Executor,
    values: { orgId: string; id: string; name: string; description: string | null },
  ): Promise<void> {
    await db.insert(leadPools).values(values);
  },

  async update(
    db: Executor,
    key: { orgId: string; id: string; version: number },
    changes: Partial<{ name: string; description: string | null }>,
  ): Promise<boolean> {
    const rows = await db
      .update(leadPools)
      .set({ ...changes, updatedAt: sql`now()`, version: sql`${leadPools.version} + 1` })
      .where(and(eq(leadPools.orgId, key.orgId), eq(leadPools.id, key.id), eq(leadPools.version, key.version)))
      .returning({ id: leadPools.id });
    return rows.length > 0;
  },

  async delete(db: Executor, orgId: string, id: string): Promise<void> {
    await db.delete(leadPools).where(and(eq(leadPools.orgId, orgId), eq(leadPools.id, id)));
  },

  /** Whether any lead (also in the trash) still points at the pool. */
  async hasLeads(db: Executor, orgId: string, id: string): Promise<boolean> {
    const rows = await db
      .select({ id: leads.id })
      .from(leads)
      .where(and(eq(leads.orgId, orgId), eq(leads.poolId, id)))
      .limit(1);
    return rows.length > 0;
  },

  async replaceMembers(
    db: Executor,
    key: { orgId: string; poolId: string },
    membership: LeadPoolMembership,
  ): Promise<void> {
    await db
      .delete(leadPoolMembers)
      .where(and(eq(leadPoolMembers.orgId, key.orgId), eq(leadPoolMembers.poolId, key.poolId)));
    const rows = [
      ...membership.adminUserIds.map((userId) => ({ role: 'admin', userId, departmentId: null })),
      ...membership.memberUserIds.map((userId) => ({ role: 'member', userId, departmentId: null })),
      ...membership.memberDepartmentIds.map((departmentId) => ({ role: 'member', userId: null, departmentId })),
    ];
    if (rows.length === 0) return;
    await db
      .insert(leadPoolMembers)
      .values(rows.map((r) => ({ ...r, orgId: key.orgId, id: newId(), poolId: key.poolId })));
  },

  async isNameTaken(db: Executor, options: { orgId: string; name: string; exceptId?: string }): Promise<boolean> {
    const rows = await db
      .select({ id: leadPools.id })
      .from(leadPools)
      .where(and(eq(leadPools.orgId, options.orgId), eq(leadPools.name, options.name)));
    return rows.some((r) => r.id !== options.exceptId);
  },

  /** How many of the ids are users (or departments) of the organization. */
  async countExisting(
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
  },
};
