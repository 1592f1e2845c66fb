import type { Db } from '../../platform/db/client.js';
import { insertOrder, type TestLine } from '../../test/order-rows.js';
import { newId } from '../../platform/db/ids.js';
import { expenses, products, stockLevels, warehouses } from '../../platform/db/schema/index.js';

/**
 * Test factories writing orders, lines and expenses straight into the tables: the value reports
 * are read models over them, and this keeps their tests independent of the order workflow.
 */

export { insertOrder, type TestLine };

export async function insertProduct(db: Db, orgId: string): Promise<string> {
  const id = newId();
  await db.insert(products).values({
    orgId,
    id,
    code: `P-${id.slice(-8)}`,
    name: '测试产品',
    unit: '件',
    listPriceFen: 10_000,
    costPriceFen: 4_000,
  });
  return id;
}

export async function insertExpense(
  db: Db,
  expense: {
    orgId: string;
    employeeId: string;
    customerId: string | null;
    amountFen: number;
    spentOn?: string;
    status?: string;
  },
): Promise<void> {
  await db.insert(expenses).values({
    orgId: expense.orgId,
    id: newId(),
    employeeId: expense.employeeId,
    category: 'meals',
    amountFen: expense.amountFen,
    spentOn: expense.spentOn ?? '2026-02-01',
    customerId: expense.customerId,
    description: '招待客户',
    status: expense.status ?? 'approved',
  });
}

type Owner = 'head' | 'eastManager' | 'r1' | 'r2' | 'r3';
/** The personas' ids the scenario needs (a subset of test/personas.ts `Personas`). */
export interface ScenarioPersonas {
  orgId: string;
  users: Record<Owner, { id: string }>;
  customers: Record<Owner, string[]>;
}

/**
 * Twelve customers c0 … c11 of a persona organization (needs `customersEach: 3`), all in CNY and
 * within 2026-01-01 … 2026-06-30 (Asia/Shanghai):
 * - c0 … c9 profitable: revenue (10 − i) × 10,000 fen at 40 % cost; c0 also has 5,000 fen of
 *   approved expenses, so its profit is 55,000; c1's revenue is two orders, one confirmed at
 *   2025-12-31 17:00 UTC = 1 January local time.
 * - c10 unprofitable: revenue 5,000, cost 8,000. c11: no orders, 5,000 fen of expenses.
 * - Not counted: drafts, cancelled, submitted, USD orders, orders before the period or confirmed
 *   at 2026-06-30 16:30 UTC (= 1 July local), pending expenses and expenses outside the period.
 * Owners: East (eastManager, r1, r2) holds c0, c2, c4, c6, c7, c10, c11.
 */
export async function seedValueScenario(db: Db, p: ScenarioPersonas) {
  const owners: [Owner, number][] = [
    ['r1', 0],
    ['r3', 0],
    ['r2', 0],
    ['head', 0],
    ['r1', 1],
    ['r3', 1],
    ['eastManager', 0],
    ['r2', 1],
    ['head', 1],
    ['r3', 2],
    ['r1', 2],
    ['r2', 2],
  ];
  const c = owners.map(([owner, index]) => ({ id: p.customers[owner][index]!, ownerId: p.users[owner].id }));
  const productId = await insertProduct(db, p.orgId);
  const order = (
    i: number,
    lines: TestLine[],
    extra: { status?: string; confirmedAt?: string | null; currency?: string } = {},
  ) => insertOrder(db, { orgId: p.orgId, customerId: c[i]!.id, ownerId: c[i]!.ownerId, productId, lines, ...extra });
  // c0: Σ (price − cost) × qty = (20,000 − 8,000) × 4 + (10,000 − 4,000) × 2 = 60,000.
  await order(0, [
    { quantity: 4, unitPriceFen: 20_000, unitCostFen: 8_000 },
    { quantity: 2, unitPriceFen: 10_000, unitCostFen: 4_000 },
  ]);
  await order(1, [{ quantity: 3, unitPriceFen: 20_000, unitCostFen: 8_000 }]);
  await order(1, [{ quantity: 1, unitPriceFen: 30_000, unitCostFen: 12_000 }], { confirmedAt: '2025-12-31T17:00:00Z' });
  for (let i = 2; i <= 9; i++) {
    const revenue = (10 - i) * 10_000;
    await order(i, [{ quantity: 2, unitPriceFen: revenue / 2, unitCostFen: (revenue * 0.4) / 2 }]);
  }
  await order(10, [{ quantity: 1, unitPriceFen: 5_000, unitCostFen: 8_000 }]);
  // Never counted.
  const big = [{ quantity: 1, unitPriceFen: 9_000_000, unitCostFen: 1 }];
  await order(0, big, { status: 'draft', confirmedAt: null });
  await order(0, big, { status: 'submitted', confirmedAt: null });
  await order(2, big, { status: 'cancelled' });
  await order(3, big, { currency: 'USD' });
  await order(4, big, { confirmedAt: '2025-06-15T04:00:00Z' });
  await order(5, big, { confirmedAt: '2026-06-30T16:30:00Z' });
  const expense = (i: number, amountFen: number, extra: { spentOn?: string; status?: string } = {}) =>
    insertExpense(db, { orgId: p.orgId, employeeId: p.users.r1.id, customerId: c[i]!.id, amountFen, ...extra });
  await expense(0, 5_000);
  await expense(11, 5_000, { spentOn: '2026-06-30' });
  await expense(0, 7_000, { status: 'pending' });
  await expense(1, 7_000, { status: 'rejected' });
  await expense(2, 7_000, { spentOn: '2025-05-01' });
  await expense(3, 7_000, { spentOn: '2026-07-01' });
  await insertExpense(db, { orgId: p.orgId, employeeId: p.users.r1.id, customerId: null, amountFen: 9_999 });
  return c.map((customer) => customer.id);
}

/** A default warehouse holding `onHand` of the product, so confirming an order can reserve it. */
export async function insertStockedWarehouse(
  db: Db,
  key: { orgId: string; productId: string; onHand: number },
): Promise<void> {
  const warehouseId = newId();
  await db.insert(warehouses).values({
    orgId: key.orgId,
    id: warehouseId,
    code: `W-${warehouseId.slice(-6)}`,
    name: '测试仓库',
    isDefault: true,
  });
  await db.insert(stockLevels).values({ orgId: key.orgId, warehouseId, productId: key.productId, onHand: key.onHand });
}
