import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { queryRows } from '../../platform/db/query.js';
import { memberSettingsOf } from './members.levels.js';
import { applyPoints } from './members.points.js';
import { membersRepository } from './members.repository.js';

const SYSTEM = (orgId: string) => ({ orgId, userId: null, ip: null, requestId: null });
const BATCH = 500;

async function organizationIds(db: Executor, only: string | null): Promise<string[]> {
  if (only) return [only];
  const rows = await queryRows<{ id: string }>(db, sql`select distinct org_id as id from members order by 1`);
  return rows.map((r) => r.id);
}

/**
 * Points due to expire per member at `now`, first in, first out, read from the append-only ledger:
 * debits (redeem, deduct, expire, negative adjustments) use up the oldest points first, so what is
 * left of the points credited before the cutoff is max(0, credits before the cutoff − all debits),
 * capped by the balance. Nothing in the ledger is updated, and a second run finds nothing more.
 */
async function findExpiring(db: Executor, orgId: string, cutoff: Date, memberId?: string) {
  const one = memberId ? sql`and m.id = ${memberId}` : sql``;
  return queryRows<{ id: string; expiring: number }>(
    db,
    sql`select m.id, least(m.points_balance, greatest(0, coalesce(c.old, 0) - coalesce(c.debits, 0)))::float8 as expiring
      from members m
      cross join lateral (
        select sum(p.points) filter (where p.points > 0 and p.created_at < ${cutoff.toISOString()}::timestamptz) as old,
               -sum(p.points) filter (where p.points < 0) as debits
          from member_points_ledger p where p.org_id = m.org_id and p.member_id = m.id
      ) c
     where m.org_id = ${orgId} and m.points_balance > 0 ${one}
       and least(m.points_balance, greatest(0, coalesce(c.old, 0) - coalesce(c.debits, 0))) > 0`,
  );
}

const monthsBefore = (now: Date, months: number): Date => {
  const at = new Date(now);
  at.setUTCMonth(at.getUTCMonth() - months);
  return at;
};

/** Nightly `members.expirePoints`: points older than the organization's expiry months expire. */
export async function expireMemberPoints(db: Db, now: Date, onlyOrgId: string | null = null): Promise<number> {
  let expired = 0;
  for (const orgId of await organizationIds(db, onlyOrgId)) {
    const { expiryMonths } = await memberSettingsOf(db, orgId);
    const due = await findExpiring(db, orgId, monthsBefore(now, expiryMonths));
    for (let i = 0; i < due.length; i += BATCH) {
      await db.transaction(async (tx) => {
        for (const { id } of due.slice(i, i + BATCH)) {
          const member = await membersRepository.lock(tx, orgId, { id });
          // Read again under the lock: an order or redeem may have come in since the list was read.
          const [current] = await findExpiring(tx, orgId, monthsBefore(now, expiryMonths), id);
          if (!member || !current) continue;
          const points = Number(current.expiring);
          await applyPoints(tx, SYSTEM(orgId), member, {
            kind: 'expire',
            points: -points,
            reason: `${expiryMonths}`,
            at: now,
          });
          expired += 1;
        }
      });
    }
  }
  return expired;
}

/**
 * Nightly `members.levels`: each member's level from growth points (up and down), one set-based
 * update per organization with a history row and an audit entry per change.
 */
export async function recomputeMemberLevels(db: Db, now: Date, onlyOrgId: string | null = null): Promise<number> {
  let changed = 0;
  for (const orgId of await organizationIds(db, onlyOrgId)) {
    changed += await db.transaction(async (tx) => {
      const rows = await queryRows<{ id: string; fromLevelId: string; toLevelId: string; growthPoints: number }>(
        tx,
        sql`with target as (
            select m.id, m.level_id as old_level, m.growth_points,
              (select l.id from member_levels l where l.org_id = m.org_id and l.threshold <= m.growth_points
                order by l.threshold desc limit 1) as new_level
              from members m where m.org_id = ${orgId}
          )
          update members m set level_id = t.new_level, version = m.version + 1, updated_at = ${now.toISOString()}::timestamptz
            from target t
           where m.org_id = ${orgId} and m.id = t.id and t.new_level is not null and t.new_level <> t.old_level
          returning m.id, t.old_level as "fromLevelId", t.new_level as "toLevelId", t.growth_points::float8 as "growthPoints"`,
      );
      for (const row of rows) {
        await membersRepository.insertLevelChange(tx, {
          orgId,
          id: newId(),
          memberId: row.id,
          fromLevelId: row.fromLevelId,
          toLevelId: row.toLevelId,
          growthPoints: Number(row.growthPoints),
          createdAt: now,
        });
        await recordAudit(tx, SYSTEM(orgId), {
          action: 'level_change',
          entity: 'member',
          entityId: row.id,
          before: { levelId: row.fromLevelId },
          after: { levelId: row.toLevelId, growthPoints: Number(row.growthPoints) },
        });
      }
      return rows.length;
    });
  }
  return changed;
}
