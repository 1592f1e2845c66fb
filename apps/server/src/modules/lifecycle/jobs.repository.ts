import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';

const BATCH = 500;

/**
 * System-job SQL of the lifecycle: these queries run for every organization without a caller's
 * scope, by design (style rule 3's "clearly named system jobs"). Each reads one keyset batch.
 */
export const lifecycleJobsRepository = {
  /** Every organization, or just `only` (a run limited to one organization). */
  async findOrganizationIds(db: Executor, only: string | null = null): Promise<string[]> {
    if (only) return [only];
    const rows = await queryRows<{ id: string }>(db, sql`select id from organizations order by id`);
    return rows.map((r) => r.id);
  },

  /** Buyers whose last live confirmed order (or, without one, their purchase-stage entry) is older than `cutoff`. */
  async findLostCandidates(
    db: Executor,
    options: { orgId: string; cutoff: Date; after: { orgId: string; id: string } | null },
  ) {
    const after = options.after
      ? sql`and (c.org_id, c.id) > (${options.after.orgId}::uuid, ${options.after.id}::uuid)`
      : sql``;
    return queryRows<{ orgId: string; id: string }>(
      db,
      sql`select c.org_id as "orgId", c.id from customers c
           where c.org_id = ${options.orgId} and c.deleted_at is null and c.stage in ('first_purchase', 'repeat')
             and c.stage_entered_at < ${options.cutoff.toISOString()}::timestamptz
             and not exists (select 1 from lifecycle_orders o
                              where o.org_id = c.org_id and o.customer_id = c.id and o.cancelled_at is null
                                and o.confirmed_at >= ${options.cutoff.toISOString()}::timestamptz)
             ${after}
           order by c.org_id, c.id limit ${BATCH}`,
    );
  },

  /** Owned customers of one stage that entered it before `enteredBefore`, with the owner's manager. */
  async findStuck(
    db: Executor,
    options: { orgId: string; stage: string; enteredBefore: Date; afterId: string | null },
  ) {
    const after = options.afterId ? sql`and c.id > ${options.afterId}::uuid` : sql``;
    const rows = await queryRows<{
      id: string;
      name: string;
      stageEnteredAt: Date | string;
      ownerId: string;
      managerId: string | null;
    }>(
      db,
      sql`select c.id, c.name, c.stage_entered_at as "stageEnteredAt", c.owner_id as "ownerId", u.manager_id as "managerId"
            from customers c join users u on u.org_id = c.org_id and u.id = c.owner_id
           where c.org_id = ${options.orgId} and c.deleted_at is null and c.stage = ${options.stage}
             and c.stage_entered_at < ${options.enteredBefore.toISOString()}::timestamptz ${after}
           order by c.id limit ${BATCH}`,
    );
    return rows.map((r) => ({ ...r, stageEnteredAt: new Date(r.stageEnteredAt) }));
  },
};
