import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { queryRows } from '../../platform/db/query.js';
import type { EventBus } from '../../platform/events/index.js';
import { DAY_MS } from '../../platform/time/index.js';
import type { productCatalog } from '../products/index.js';
import { ordersRepository } from './orders.repository.js';
import { computeLines } from './orders.values.js';

type Catalog = Awaited<ReturnType<typeof productCatalog.findByIds>>;

/** A small deterministic generator (the demo must look the same on every first start). */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * The purchase days (days ago, oldest first) of one demo buyer. A buyer's seeded stage says what
 * its history must make true: one order for a first-time buyer; a rhythm for a repeat customer
 * (steady, lapsed some months ago, or a same-day burst and a later order); nothing for over a year
 * for a lost one. Two years at most.
 */
function purchaseDays(stage: string, random: () => number): number[] {
  const between = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
  if (stage === 'first_purchase') return [between(5, 80)];
  const rhythm = (from: number, to: number, every: number) => {
    const days: number[] = [];
    for (let d = from; d >= to; d -= between(Math.round(every * 0.7), Math.round(every * 1.3))) days.push(d);
    return days.length >= 2 ? days : [from, to];
  };
  if (stage === 'lost') return rhythm(between(500, 700), between(380, 450), between(45, 90));
  const profile = random();
  if (profile < 0.5) return rhythm(between(400, 700), between(3, 30), between(30, 75)); // steady
  if (profile < 0.8) return rhythm(between(500, 700), between(150, 260), between(25, 45)); // lapsed: declining
  const burst = between(60, 200);
  return [burst, burst, burst, between(5, 40)]; // a same-day burst, then one more order
}

/**
 * Two years of completed orders for every demo customer seeded in a buying stage (first purchase,
 * repeat, lost) that has no confirmed order yet. Each customer starts before its first order in the stage it
 * had before buying, and every order publishes `order.confirmed` at its own date: the lifecycle
 * rules move it to first-time buyer and repeat customer and log each move, exactly as in use. The
 * lost ones are moved by the nightly rule afterwards. Seed data: no audit, no stock movements
 * (the history predates the warehouse's records); the payments demo pays them.
 */
export async function seedDemoOrderHistory(
  tx: Executor,
  options: {
    orgId: string;
    products: Catalog;
    warehouseId: string;
    financeUserId: string;
    events: EventBus;
    now?: Date;
  },
): Promise<void> {
  const { orgId, products } = options;
  const productIds = [...products.keys()];
  const now = options.now ?? new Date();
  const random = seeded(20261207);
  const buyers = await queryRows<{ id: string; ownerId: string | null; stage: string; createdBy: string }>(
    tx,
    sql`select c.id, c.owner_id as "ownerId", c.stage, c.created_by as "createdBy" from customers c
         where c.org_id = ${orgId} and c.deleted_at is null and c.stage in ('first_purchase', 'repeat', 'lost')
           and not exists (select 1 from orders o where o.org_id = c.org_id and o.customer_id = c.id
                              and o.status in ('confirmed', 'shipped', 'completed'))
         order by c.customer_no`,
  );
  for (const buyer of buyers) {
    const days = purchaseDays(buyer.stage, random);
    const firstAt = new Date(now.getTime() - (days[0]! + 20) * DAY_MS);
    // Before its first order the customer was interested; the orders move it on from there.
    await tx.execute(
      sql`update customers set stage = 'interested', stage_entered_at = ${firstAt.toISOString()}::timestamptz,
                 created_at = least(created_at, ${firstAt.toISOString()}::timestamptz)
           where org_id = ${orgId} and id = ${buyer.id}`,
    );
    const ownerId = buyer.ownerId ?? buyer.createdBy;
    for (const [n, daysAgo] of days.entries()) {
      const at = new Date(now.getTime() - daysAgo * DAY_MS + n * 60_000);
      const inputs = [0, 1].slice(0, 1 + Math.floor(random() * 2)).map((k) => ({
        productId: productIds[(Math.floor(random() * productIds.length) + k) % productIds.length]!,
        quantity: 1 + Math.floor(random() * 8),
      }));
      const { lines, totalFen, costFen } = computeLines(inputs, products);
      const id = newId();
      await ordersRepository.insert(tx, {
        orgId,
        id,
        orderNo: await ordersRepository.nextOrderNo(tx, orgId),
        customerId: buyer.id,
        ownerId,
        status: 'completed',
        orderDate: at.toISOString().slice(0, 10),
        warehouseId: options.warehouseId,
        totalFen,
        costFen,
        createdBy: ownerId,
        createdAt: at,
        submittedAt: at,
        confirmedAt: at,
        confirmedBy: options.financeUserId,
        shippedAt: new Date(at.getTime() + 2 * DAY_MS),
        completedAt: new Date(at.getTime() + 5 * DAY_MS),
      });
      const rows = lines.map((l) => ({ orgId, id: newId(), orderId: id, ...l }));
      await ordersRepository.replaceLines(tx, { orgId, orderId: id }, rows);
      await options.events.publish(tx, {
        type: 'order.confirmed',
        orgId,
        customerId: buyer.id,
        orderId: id,
        actorId: options.financeUserId,
        at,
      });
    }
  }
}
