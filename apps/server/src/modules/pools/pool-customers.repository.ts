import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { customers } from '../../platform/db/schema/index.js';
import type { Cursor } from '../../platform/pagination.js';

export interface PoolCustomerRow {
  id: string;
  customerNo: string;
  kind: string;
  name: string;
  phone: string | null;
  email: string | null;
  industry: string | null;
  tier: string | null;
  source: string | null;
  stage: string;
  city: string | null;
  address: string | null;
  remarks: string | null;
  previousOwnerId: string | null;
}

/** The customers lying in a pool: no owner, this pool (the default pool also takes those without one). */
export const inPool = (pool: { id: string; isDefault: boolean }) =>
  and(
    isNull(customers.ownerId),
    isNull(customers.deletedAt),
    pool.isDefault ? or(eq(customers.poolId, pool.id), isNull(customers.poolId)) : eq(customers.poolId, pool.id),
  );

/** SQL for reading a pool's customers; the service picks the fields the pool shows. */
export const poolCustomersRepository = {
  /** A page of the pool's customers in id order (UUIDv7: oldest first), keyset by id. */
  async findPage(
    db: Executor,
    options: { orgId: string; pool: { id: string; isDefault: boolean }; cursor: Cursor | null; limit: number },
  ): Promise<PoolCustomerRow[]> {
    return db
      .select({
        id: customers.id,
        customerNo: customers.customerNo,
        kind: customers.kind,
        name: customers.name,
        phone: customers.phone,
        email: customers.email,
        industry: customers.industry,
        tier: customers.tier,
        source: customers.source,
        stage: customers.stage,
        city: customers.city,
        address: customers.address,
        remarks: customers.remarks,
        previousOwnerId: customers.previousOwnerId,
      })
      .from(customers)
      .where(
        and(
          eq(customers.orgId, options.orgId),
          inPool(options.pool),
          options.cursor ? sql`${customers.id} > ${options.cursor.id}::uuid` : undefined,
        ),
      )
      .orderBy(asc(customers.id))
      .limit(options.limit);
  },
};
