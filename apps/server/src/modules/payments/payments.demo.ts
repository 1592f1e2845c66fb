import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { newId } from '../../platform/db/ids.js';
import { addDays } from '../../platform/time/index.js';
import { organizationToday, reallocateOrder } from './plan-allocation.js';
import { paymentsRepository } from './payments.repository.js';
import { plansRepository } from './plans.repository.js';

interface DemoOrder {
  id: string;
  customerId: string;
  ownerId: string;
  totalFen: number;
  currency: string;
}

/**
 * Payments and plans on the demo's confirmed orders (seeded by the orders module before this):
 * the first order gets a three-part plan whose first installment is overdue and partly paid, the
 * next ones a part payment and a full one. No orders, nothing to do. Seed data: no audit.
 */
export async function seedDemoPayments(tx: Executor, options: { orgId: string }): Promise<void> {
  const { orgId } = options;
  const rows = await queryRows<Omit<DemoOrder, 'totalFen'> & { totalFen: string | number }>(
    tx,
    sql`select id, customer_id as "customerId", owner_id as "ownerId", total_fen as "totalFen", currency
          from orders where org_id = ${orgId} and deleted_at is null and paid_fen = 0 and total_fen >= 300
           and status in ('confirmed', 'shipped', 'completed')
         order by order_no limit 3`,
  );
  // node-postgres hands bigint back as text.
  const orders = rows.map((r) => ({ ...r, totalFen: Number(r.totalFen) }));
  if (orders.length === 0) return;
  const finance = await queryRows<{ id: string }>(
    tx,
    sql`select id from users where org_id = ${orgId} and username = 'finance'`,
  );
  const today = await organizationToday(tx, orgId);
  const [planned, partly, full] = orders;

  const pay = async (order: DemoOrder, amountFen: number, daysAgo: number, method: string) => {
    await paymentsRepository.addPaid(tx, { orgId, orderId: order.id }, amountFen);
    await paymentsRepository.insert(tx, {
      orgId,
      id: newId(),
      orderId: order.id,
      customerId: order.customerId,
      amountFen,
      currency: order.currency,
      method,
      receivedOn: addDays(today, -daysAgo),
      reference: `DEMO-${String(daysAgo).padStart(3, '0')}`,
      recordedBy: finance[0]?.id ?? order.ownerId,
    });
  };

  if (planned) {
    const first = Math.floor(planned.totalFen * 0.3);
    const second = Math.floor(planned.totalFen * 0.3);
    const parts = [
      { dueDate: addDays(today, -45), amountFen: first },
      { dueDate: addDays(today, 15), amountFen: second },
      { dueDate: addDays(today, 60), amountFen: planned.totalFen - first - second },
    ];
    await plansRepository.insertMany(
      tx,
      parts.map((part, index) => ({
        orgId,
        id: newId(),
        orderId: planned.id,
        customerId: planned.customerId,
        installmentNo: index + 1,
        ...part,
        createdBy: planned.ownerId,
      })),
    );
    await pay(planned, Math.floor(first / 2), 30, 'bank_transfer');
    await reallocateOrder(tx, { orgId, orderId: planned.id, today });
  }
  if (partly) await pay(partly, Math.floor(partly.totalFen / 2), 10, 'acceptance_bill');
  if (full) await pay(full, full.totalFen, 3, 'wechat');
  await payDemoHistory(tx, { orgId, today, recordedBy: finance[0]?.id ?? null });
}

/**
 * The order history's payments: older orders paid in full about two weeks after the order (by
 * bank transfer or WeChat), the last month's orders half paid or still open, so receivables and
 * the ageing report show something real.
 */
async function payDemoHistory(tx: Executor, options: { orgId: string; today: string; recordedBy: string | null }) {
  const { orgId, today } = options;
  const rows = await queryRows<Omit<DemoOrder, 'totalFen'> & { totalFen: string | number; orderDate: string }>(
    tx,
    sql`select id, customer_id as "customerId", owner_id as "ownerId", total_fen as "totalFen", currency,
               order_date::text as "orderDate"
          from orders where org_id = ${orgId} and deleted_at is null and paid_fen = 0 and status = 'completed'
         order by order_no`,
  );
  for (const [i, row] of rows.entries()) {
    const totalFen = Number(row.totalFen);
    const recent = row.orderDate > addDays(today, -40);
    const amountFen = recent ? (i % 2 === 0 ? Math.floor(totalFen / 2) : 0) : totalFen;
    if (amountFen <= 0) continue;
    const receivedOn = recent ? today : addDays(row.orderDate, 10 + (i % 3) * 5);
    await paymentsRepository.addPaid(tx, { orgId, orderId: row.id }, amountFen);
    await paymentsRepository.insert(tx, {
      orgId,
      id: newId(),
      orderId: row.id,
      customerId: row.customerId,
      amountFen,
      currency: row.currency,
      method: i % 2 === 0 ? 'bank_transfer' : 'wechat',
      receivedOn,
      reference: null,
      recordedBy: options.recordedBy ?? row.ownerId,
    });
  }
}
