import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { queryRows } from '../../platform/db/query.js';
import type { DemoOrganization } from '../../platform/module-kit/module-definition.js';
import { addDays, DAY_MS, DEFAULT_TIME_ZONE, todayIn } from '../../platform/time/index.js';
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
 * A morning of customer service: visits due (one overdue), and some done with their scores, for
 * the first deal customers; tied to a customer's completed order where it has one.
 */
export async function seedDemoReturnVisits(tx: Executor, demo: DemoOrganization): Promise<void> {
  const [handler] = await queryRows<{ id: string }>(
    tx,
    sql`select u.id from users u join user_roles ur on ur.org_id = u.org_id and ur.user_id = u.id
          join roles r on r.org_id = ur.org_id and r.id = ur.role_id
        where u.org_id = ${demo.orgId} and r.code = 'customer_service' order by u.id limit 1`,
  );
  const today = todayIn(DEFAULT_TIME_ZONE);
  const customers = demo.dealCustomers.slice(0, DEMO_VISITS.length);
  for (const [index, customer] of customers.entries()) {
    const visit = DEMO_VISITS[index]!;
    const [order] = await queryRows<{ id: string }>(
      tx,
      sql`select id from orders where org_id = ${demo.orgId} and customer_id = ${customer.id} and status = 'completed'
          order by id desc limit 1`,
    );
    const done = visit.satisfaction !== null;
    await returnVisitsRepository.insert(tx, {
      orgId: demo.orgId,
      id: newId(),
      customerId: customer.id,
      orderId: order?.id ?? null,
      source: order ? 'order_completed' : 'manual',
      dueDate: addDays(today, visit.days),
      handlerId: done ? (handler?.id ?? null) : null,
      status: done ? 'done' : 'open',
      outcome: done ? 'reached' : null,
      satisfaction: visit.satisfaction,
      notes: visit.notes,
      doneAt: done ? new Date(Date.now() + visit.days * DAY_MS) : null,
      doneBy: done ? (handler?.id ?? null) : null,
    });
  }
}
