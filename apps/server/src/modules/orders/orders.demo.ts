import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { createEventBus } from '../../platform/events/index.js';
import { DEFAULT_TIME_ZONE } from '../../platform/time/index.js';
import { approvalEngine } from '../approvals/index.js';
import { markLostCustomers, subscribeLifecycleRules } from '../lifecycle/index.js';
import { demoProducts, productCatalog } from '../products/index.js';
import { orderStock } from '../stock/index.js';
import { creditRepository } from './credit.repository.js';
import { ordersRepository } from './orders.repository.js';
import { computeLines } from './orders.values.js';
import { seedDemoOrderHistory } from './orders.demo-history.js';

type DemoState = 'draft' | 'submitted' | 'confirmed' | 'shipped' | 'pending_approval';
/** One order per demo customer: the state it ends in, and how far below list price its first line is. */
const PLAN: { state: DemoState; quantities: number[]; discountBp?: number }[] = [
  { state: 'confirmed', quantities: [5, 2] },
  { state: 'shipped', quantities: [3] },
  { state: 'confirmed', quantities: [10, 4, 1] },
  { state: 'submitted', quantities: [2, 2] },
  { state: 'draft', quantities: [1] },
  { state: 'pending_approval', quantities: [20], discountBp: 3000 },
  { state: 'confirmed', quantities: [6] },
];

/** A user acting in the demo seed (no request, so no ip; the approvals engine needs the locale). */
const demoActor = (orgId: string, userId: string): Actor => ({
  orgId,
  orgName: '',
  orgCode: '',
  orgTimeZone: DEFAULT_TIME_ZONE,
  userId,
  username: '',
  displayName: '',
  departmentId: null,
  locale: 'zh-CN',
  permissions: new Set(),
  dataScope: 'all',
  fieldPermissions: {},
  systemOperator: false,
  ip: null,
  requestId: null,
});

/**
 * Demo orders for the reps' customers in every state (draft, submitted, confirmed, shipped, one
 * below price authority awaiting the manager) and credit limits for some of them. Confirmations
 * reserve stock and publish `order.confirmed` through the lifecycle rules, so stages move as in
 * real use. Call after the products and stock demo.
 */
export async function seedDemoOrders(
  tx: Executor,
  options: { orgId: string; customers: { id: string; ownerId: string }[]; financeUserId: string },
): Promise<void> {
  const { orgId } = options;
  const codes = await demoProducts(tx, orgId);
  const productIds = [...codes.values()];
  const products = await productCatalog.findByIds(tx, orgId, productIds);
  const warehouseId = await orderStock.defaultWarehouseId(tx, orgId);
  if (productIds.length === 0 || warehouseId === null) return;
  const events = createEventBus();
  subscribeLifecycleRules(events);
  const finance = demoActor(orgId, options.financeUserId);

  for (const [i, customer] of options.customers.slice(0, PLAN.length).entries()) {
    const plan = PLAN[i]!;
    const id = newId();
    const inputs = plan.quantities.map((quantity, n) => ({
      productId: productIds[(i * 3 + n) % productIds.length]!,
      quantity,
      ...(n === 0 && plan.discountBp ? { discountBp: plan.discountBp } : {}),
    }));
    const { lines, totalFen, costFen } = computeLines(inputs, products);
    const orderNo = await ordersRepository.nextOrderNo(tx, orgId);
    const daysAgo = 40 - i * 5;
    const orderDate = new Date(Date.now() - daysAgo * 86400_000).toISOString().slice(0, 10);
    const submitted = plan.state !== 'draft';
    await ordersRepository.insert(tx, {
      orgId,
      id,
      orderNo,
      customerId: customer.id,
      ownerId: customer.ownerId,
      status: plan.state,
      orderDate,
      warehouseId,
      totalFen,
      costFen,
      createdBy: customer.ownerId,
      submittedAt: submitted ? new Date() : null,
    });
    const rows = lines.map((l) => ({ orgId, id: newId(), orderId: id, ...l }));
    await ordersRepository.replaceLines(tx, { orgId, orderId: id }, rows);

    if (plan.state === 'pending_approval') {
      await approvalEngine.submit(tx, demoActor(orgId, customer.ownerId), {
        businessType: 'price_below_authority',
        entityType: 'order',
        entityId: id,
        customerId: customer.id,
        title: `订单 ${orderNo}：低于价格权限`,
        reason: '1 行低于价格底线',
        summary: { orderNo, totalFen, currency: 'CNY', lines: [{ lineNo: 1, productName: rows[0]!.productName }] },
      });
    }
    if (plan.state === 'confirmed' || plan.state === 'shipped') {
      await orderStock.reserveForOrder(tx, finance, {
        orgId,
        orderId: id,
        orderNo,
        warehouseId,
        lines: rows.map((l) => ({
          lineId: l.id,
          productId: l.productId,
          productName: l.productName,
          quantity: l.quantity,
        })),
      });
      const at = new Date(Date.now() - daysAgo * 86400_000);
      await ordersRepository.update(tx, { orgId, id, version: 1 }, { confirmedAt: at, confirmedBy: finance.userId });
      await events.publish(tx, {
        type: 'order.confirmed',
        orgId,
        customerId: customer.id,
        orderId: id,
        actorId: finance.userId,
        at,
      });
    }
    if (plan.state === 'shipped') {
      await orderStock.confirmIssuesForOrder(tx, finance, { orgId, orderId: id });
      await ordersRepository.update(tx, { orgId, id, version: 2 }, { shippedAt: new Date() });
    }
  }
  // Every other customer seeded in a buying stage gets the orders that put it there; the lost ones
  // then move by the nightly rule, as they would in use.
  await seedDemoOrderHistory(tx, { orgId, products, warehouseId, financeUserId: finance.userId, events });
  await markLostCustomers(tx, new Date(), orgId);
  // Credit limits: a comfortable one, and one the next order would exceed (block mode by default).
  const [first, , third] = options.customers;
  if (first)
    await creditRepository.saveCreditRow(
      tx,
      { orgId, customerId: first.id, version: 0 },
      { limitFen: 50_000_000, termDays: 30, updatedBy: finance.userId },
    );
  if (third)
    await creditRepository.saveCreditRow(
      tx,
      { orgId, customerId: third.id, version: 0 },
      { limitFen: 100_000, termDays: 15, updatedBy: finance.userId },
    );
}
