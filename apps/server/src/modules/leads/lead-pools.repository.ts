import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { leadPoolMembers, leadPools, leads } from '../../platform/db/schema/index.js';
import type { PoolMembership } from '../../platform/pools/pool-membership.js';
import { createPoolStore } from '../../platform/pools/pool-store.js';

export interface LeadPoolRow extends PoolMembership {
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

const store = createPoolStore({ pools: leadPools, members: leadPoolMembers });

/** All SQL for lead pools and their members; every query is limited to the caller's organization. */
export const leadPoolsRepository = {
  lockById: store.lockById,
  delete: store.delete,
  replaceMembers: store.replaceMembers,
  isNameTaken: store.isNameTaken,

  async findAll(db: Executor, orgId: string, options: { poolIds?: string[] } = {}): Promise<LeadPoolRow[]> {
    return store.findAll(
      db,
      orgId,
      (where) => db.select(columns).from(leadPools).where(where).orderBy(asc(leadPools.createdAt)),
      options,
    );
  },

  async getById(db: Executor, orgId: string, id: string): Promise<LeadPoolRow | null> {
    return (await leadPoolsRepository.findAll(db, orgId, { poolIds: [id] }))[0] ?? null;
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
    return store.update(db, key, changes);
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
};
