import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { queryRows } from '../../platform/db/query.js';
import { addDays, utcDateOf } from '../../platform/time/index.js';
import { levelForGrowth } from './members.levels.js';
import { applyPoints } from './members.points.js';
import { membersRepository } from './members.repository.js';

/** Opening balances migrated from the old card system, then redemptions: points and growth per member. */
const PLAN = [
  { opening: 12_800, redeem: 2_000 },
  { opening: 6_200, redeem: 500 },
  { opening: 2_600, redeem: 0 },
  { opening: 980, redeem: 300 },
  { opening: 520, redeem: 0 },
  { opening: 150, redeem: 100 },
  { opening: 0, redeem: 0 },
  { opening: 3_400, redeem: 1_200 },
];

/**
 * A handful of members among the demo's person customers, joined over the last two years at the
 * first department as their store, with ledger entries and levels from their growth points.
 */
export async function seedDemoMembers(tx: Executor, { orgId }: { orgId: string }): Promise<void> {
  const persons = await queryRows<{ id: string }>(
    tx,
    sql`select id from customers where org_id = ${orgId} and kind = 'person' and deleted_at is null
        order by customer_no limit ${PLAN.length}`,
  );
  const [store] = await queryRows<{ id: string }>(
    tx,
    sql`select id from departments where org_id = ${orgId} and parent_id is not null order by sort_order, name limit 1`,
  );
  const today = utcDateOf(new Date());
  const system = { orgId, userId: null, ip: null, requestId: null };
  for (const [i, customer] of persons.entries()) {
    const plan = PLAN[i]!;
    const id = newId();
    const level = await levelForGrowth(tx, orgId, 0);
    const joinedOn = addDays(today, -(30 + i * 83));
    await membersRepository.insert(tx, {
      orgId,
      id,
      customerId: customer.id,
      memberNo: await membersRepository.nextMemberNo(tx, orgId),
      cardNo: `6288${String(1001 + i).padStart(8, '0')}`,
      joinedOn,
      storeId: store?.id ?? null,
      levelId: level.id,
    });
    await membersRepository.insertLevelChange(tx, {
      orgId,
      id: newId(),
      memberId: id,
      toLevelId: level.id,
      growthPoints: 0,
      createdAt: new Date(`${joinedOn}T02:00:00Z`),
    });
    const member = (await membersRepository.lock(tx, orgId, { id }))!;
    if (plan.opening > 0)
      await applyPoints(tx, system, member, {
        kind: 'adjust',
        points: plan.opening,
        growth: plan.opening,
        reason: '旧会员系统积分迁移',
        at: new Date(`${joinedOn}T02:00:00Z`),
      });
    if (plan.redeem > 0)
      await applyPoints(tx, system, member, {
        kind: 'redeem',
        points: -plan.redeem,
        reason: '积分兑换礼品',
        at: new Date(`${addDays(joinedOn, 20)}T06:00:00Z`),
      });
    const reached = await levelForGrowth(tx, orgId, member.growthPoints);
    if (reached.id !== level.id) {
      await membersRepository.update(tx, { orgId, id }, { levelId: reached.id });
      await membersRepository.insertLevelChange(tx, {
        orgId,
        id: newId(),
        memberId: id,
        fromLevelId: level.id,
        toLevelId: reached.id,
        growthPoints: member.growthPoints,
        createdAt: new Date(`${addDays(joinedOn, 1)}T18:00:00Z`),
      });
    }
  }
}
