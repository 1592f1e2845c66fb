import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { queryRows } from '../../platform/db/query.js';
import type { DemoOrganization } from '../../platform/module-kit/module-definition.js';
import { addDays, atLocalClock, DEFAULT_TIME_ZONE, todayIn } from '../../platform/time/index.js';
import { returnVisitsRepository } from './return-visits.repository.js';

/** Days from today, how the call went, and what the customer said. */
const DEMO_VISITS = [
  { days: -2, satisfaction: null, notes: null },
  { days: 0, satisfaction: null, notes: null },
  { days: 3, satisfaction: null, notes: null },
  { days: -5, satisfaction: 5, notes: '设备运行正常，对安装师傅的服务很满意' },
  { days: -4, satisfaction: 2, notes: '送货晚了三天，包装有破损，希望改进' },
  { days: -3, satisfaction: 4, notes: '使用顺利，询问了耗材的价格' },
] as const;

/**
 * A morning of customer service: visits due (one overdue), and some done with their scores, about
 * the latest completed orders (or the first deal customers while there are none).
 */
export async function seedDemoReturnVisits(tx: Executor, demo: DemoOrganization): Promise<void> {
  const [handler] = await queryRows<{ id: string }>(
    tx,
    sql`select u.id from users u join user_roles ur on ur.org_id = u.org_id and ur.user_id = u.id
          join roles r on r.org_id = ur.org_id and r.id = ur.role_id
        where u.org_id = ${demo.orgId} and r.code = 'customer_service' order by u.id limit 1`,
  );
  const today = todayIn(DEFAULT_TIME_ZONE);
  // The latest completed orders, one per customer: what service calls about this week.
  const orders = await queryRows<{ id: string; customerId: string }>(
    tx,
    sql`select id, "customerId" from (
          select distinct on (customer_id) id, customer_id as "customerId", completed_at
            from orders where org_id = ${demo.orgId} and status = 'completed' and completed_at is not null
           order by customer_id, completed_at desc) latest
        order by completed_at desc, id limit ${DEMO_VISITS.length}`,
  );
  const targets =
    orders.length > 0
      ? orders.map((o) => ({ customerId: o.customerId, orderId: o.id as string | null }))
      : demo.dealCustomers.slice(0, DEMO_VISITS.length).map((c) => ({ customerId: c.id, orderId: null }));
  for (const [index, target] of targets.entries()) {
    const visit = DEMO_VISITS[index]!;
    const done = visit.satisfaction !== null;
    await returnVisitsRepository.insert(tx, {
      orgId: demo.orgId,
      id: newId(),
      customerId: target.customerId,
      orderId: target.orderId,
      source: target.orderId ? 'order_completed' : 'manual',
      dueDate: addDays(today, visit.days),
      handlerId: done ? (handler?.id ?? null) : null,
      status: done ? 'done' : 'open',
      outcome: done ? 'reached' : null,
      satisfaction: visit.satisfaction,
      notes: visit.notes,
      doneAt: done ? atLocalClock(addDays(today, visit.days), '10:30', DEFAULT_TIME_ZONE) : null,
      doneBy: done ? (handler?.id ?? null) : null,
    });
  }
}
