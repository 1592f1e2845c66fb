import {
  DEFAULT_POOL_RULES,
  DEFAULT_POOL_VISIBLE_FIELDS,
  type PoolRules,
  type PoolVisibleField,
} from '@guanxi/contract';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { customerPoolMembers, customerPools } from '../../platform/db/schema/index.js';
import type { PoolMembership } from '../../platform/pools/pool-membership.js';
import { createPoolStore } from '../../platform/pools/pool-store.js';

export interface PoolRow extends PoolMembership {
  id: string;
  name: string;
  isDefault: boolean;
  openToAll: boolean;
  rules: PoolRules;
  visibleFields: PoolVisibleField[];
  createdAt: Date;
  updatedAt: Date;
  version: number;
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

/**
 * Rules stored before a rule existed get its default. Per-level days stored before the levels became
 * a dictionary held every built-in level, `null` for "use the pool default": a missing key says that
 * now, so those entries are dropped on read (no migration rewrites the stored JSON).
 */
const withDefaults = (rules: unknown): PoolRules => {
  const merged = { ...DEFAULT_POOL_RULES, ...(rules as Partial<PoolRules>) };
  const perTier = Object.entries((merged.tierNoFollowUpDays ?? {}) as Record<string, unknown>).filter(
    (entry): entry is [string, number] => Number.isInteger(entry[1]),
  );
  return { ...merged, tierNoFollowUpDays: Object.fromEntries(perTier) };
};

const store = createPoolStore({ pools: customerPools, members: customerPoolMembers });

/** All SQL for pools and their members; every query is limited to the caller's organization. */
export const poolsRepository = {
  lockById: store.lockById,
  replaceMembers: store.replaceMembers,
  isNameTaken: store.isNameTaken,

  async findAll(db: Executor, orgId: string, options: { poolIds?: string[] } = {}): Promise<PoolRow[]> {
    const pools = await store.findAll(
      db,
      orgId,
      (where) => db.select(columns).from(customerPools).where(where).orderBy(asc(customerPools.createdAt)),
      options,
    );
    return pools.map((pool) => ({
      ...pool,
      rules: withDefaults(pool.rules),
      visibleFields: pool.visibleFields as PoolVisibleField[],
    }));
  },
  async getById(db: Executor, orgId: string, id: string): Promise<PoolRow | null> {
    return (await poolsRepository.findAll(db, orgId, { poolIds: [id] }))[0] ?? null;
  },

  /** Rules of the given pools and of the default pool, in one query (list columns read them per page). */
  async findRules(
    db: Executor,
    orgId: string,
    poolIds: string[],
  ): Promise<{ id: string; isDefault: boolean; rules: PoolRules }[]> {
    const rows = await db
      .select({ id: customerPools.id, isDefault: customerPools.isDefault, rules: customerPools.rules })
      .from(customerPools)
      .where(
        and(
          eq(customerPools.orgId, orgId),
          poolIds.length > 0
            ? or(eq(customerPools.isDefault, true), inArray(customerPools.id, poolIds))
            : eq(customerPools.isDefault, true),
        ),
      );
    return rows.map((row) => ({ ...row, rules: withDefaults(row.rules) }));
  },

  async getDefault(db: Executor, orgId: string): Promise<PoolRow | null> {
    const rows = await db
      .select({ id: customerPools.id })
      .from(customerPools)
      .where(and(eq(customerPools.orgId, orgId), eq(customerPools.isDefault, true)));
    return rows[0] ? poolsRepository.getById(db, orgId, rows[0].id) : null;
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
    return store.update(db, key, changes);
  },
};
