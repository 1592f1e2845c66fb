import type { InboxSection, InboxSectionKey } from '@guanxi/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.js';
import { orders, paymentPlans, stockLevels, stockMovements, warehouses } from '../../platform/db/schema/index.js';
import { addDays, localDateOf } from '../../platform/time/index.js';
import type { Client } from '../../test/test-app.js';
import { usePersonas } from '../../test/file-context.js';
import { createOtherOrgAdmin, type Personas } from '../../test/personas.js';
import { createTodos } from '../notifications/index.js';
import { orderFixtures } from '../../test/order-fixtures.js';

const { ctx, p } = usePersonas({ customersEach: 1 });
const today = localDateOf(new Date(), 'Asia/Shanghai');
let eastDesk: Client;
let warehouseId: string;
const made = {} as Record<'submittedR1' | 'submittedR3' | 'shippingR1' | 'shippingR3' | 'draftR1', string>;
const plans = {} as Record<'overdueR1' | 'overdueR3' | 'soonR1' | 'laterR1' | 'paidR1', string>;
let low: { id: string; name: string };

type Owner = 'r1' | 'r3';
async function insertOrder(owner: Owner, status: string): Promise<string> {
  const id = newId();
  await ctx.database.db.insert(orders).values({
    orgId: p.orgId,
    id,
    orderNo: `INBOX-${id.slice(-8)}`,
    customerId: p.customers[owner][0]!,
    ownerId: p.users[owner].id,
    status,
    orderDate: today,
    warehouseId,
    totalFen: 100_000,
    submittedAt: new Date(),
    createdBy: p.users[owner].id,
  });
  return id;
}

async function insertPlan(orderId: string, owner: Owner, options: { dueDate: string; paidFen?: number }) {
  const id = newId();
  await ctx.database.db.insert(paymentPlans).values({
    orgId: p.orgId,
    id,
    orderId,
    customerId: p.customers[owner][0]!,
    installmentNo: Math.floor(Math.random() * 1_000_000),
    dueDate: options.dueDate,
    amountFen: 50_000,
    paidFen: options.paidFen ?? 0,
    createdBy: p.users.finance.id,
  });
  return id;
}

async function pendingIssue(orderId: string, productId: string) {
  await ctx.database.db.insert(stockMovements).values({
    orgId: p.orgId,
    id: newId(),
    kind: 'issue',
    status: 'pending',
    warehouseId,
    productId,
    quantity: 1,
    reason: 'order',
    orderId,
    createdBy: p.users.finance.id,
  });
}

const sectionsOf = async (client: Client): Promise<InboxSection[]> => {
  const response = await client.get('/api/v1/todos/inbox?limit=10');
  expect(response.statusCode, response.body).toBe(200);
  return response.json().sections;
};
const find = (sections: InboxSection[], key: InboxSectionKey) => sections.find((s) => s.key === key);
const ids = (sections: InboxSection[], key: InboxSectionKey) => find(sections, key)?.items.map((i) => i.entityId);

beforeAll(async () => {
  warehouseId = newId();
  await ctx.database.db
    .insert(warehouses)
    .values({ orgId: p.orgId, id: warehouseId, code: `W-${warehouseId.slice(-6)}`, name: '上海仓' });
  made.submittedR1 = await insertOrder('r1', 'submitted');
  made.submittedR3 = await insertOrder('r3', 'submitted');
  made.draftR1 = await insertOrder('r1', 'draft');
  made.shippingR1 = await insertOrder('r1', 'confirmed');
  made.shippingR3 = await insertOrder('r3', 'confirmed');
  plans.overdueR1 = await insertPlan(made.shippingR1, 'r1', { dueDate: addDays(today, -10) });
  plans.overdueR3 = await insertPlan(made.shippingR3, 'r3', { dueDate: addDays(today, -3) });
  plans.soonR1 = await insertPlan(made.shippingR1, 'r1', { dueDate: addDays(today, 3) });
  plans.laterR1 = await insertPlan(made.shippingR1, 'r1', { dueDate: addDays(today, 30) });
  plans.paidR1 = await insertPlan(made.shippingR1, 'r1', { dueDate: addDays(today, -5), paidFen: 50_000 });
  // A submitted order's installment is not owed yet.
  await insertPlan(made.submittedR1, 'r1', { dueDate: addDays(today, -5) });

  const product = async (name: string) => ({
    id: await orderFixtures.product(ctx.database.db, p.orgId, { listPriceFen: 10_000, costPriceFen: 6_000, name }),
    name,
  });
  const plenty = await product('充足产品');
  low = await product('紧缺产品');
  await ctx.database.db.insert(stockLevels).values([
    { orgId: p.orgId, warehouseId, productId: plenty.id, onHand: 500, reserved: 2 },
    // 12 on hand but 5 reserved: 7 available, below the threshold of 10.
    { orgId: p.orgId, warehouseId, productId: low.id, onHand: 12, reserved: 5 },
  ]);
  await pendingIssue(made.shippingR1, plenty.id);
  await pendingIssue(made.shippingR1, low.id);
  await pendingIssue(made.shippingR3, plenty.id);

  // Finance and warehouse work for Sales-East only: the department scope.
  const deskRole = await ctx.createRole(p.orgId, {
    code: 'east_desk',
    permissions: ['orders.view', 'orders.confirm', 'payments.view', 'payments.create', 'stock.view', 'stock.issue'],
    dataScope: 'department',
  });
  eastDesk = await ctx.login(
    await ctx.createUser({ orgId: p.orgId, roleIds: [deskRole], departmentId: p.departments.east }),
  );
});

describe('finance and warehouse sections of the to-do inbox', () => {
  it('finance: orders waiting for confirmation, overdue installments and those due within 7 days', async () => {
    const finance = await sectionsOf(p.clients.finance);
    expect(find(finance, 'ordersToConfirm')).toMatchObject({ count: 2 });
    expect(ids(finance, 'ordersToConfirm')).toEqual(expect.arrayContaining([made.submittedR1, made.submittedR3]));
    expect(find(finance, 'ordersToConfirm')!.items[0]).toMatchObject({
      entity: 'order',
      params: { customerName: expect.any(String), totalFen: 100_000, currency: 'CNY' },
    });
    expect(find(finance, 'paymentsOverdue')).toMatchObject({ count: 2 });
    // Oldest due first; the days overdue counted from the organization's today.
    expect(find(finance, 'paymentsOverdue')!.items[0]).toMatchObject({
      entity: 'payment_installment',
      entityId: plans.overdueR1,
      params: { orderId: made.shippingR1, overdue: true, days: 10, unpaidFen: 50_000 },
    });
    expect(ids(finance, 'paymentsDueSoon')).toEqual([plans.soonR1]);
    expect(find(finance, 'paymentsDueSoon')!.items[0]!.params).toMatchObject({ overdue: false, days: 3 });
    // Finance does not issue stock.
    expect(find(finance, 'issuesToConfirm')).toBeUndefined();
    expect(find(finance, 'lowStock')).toBeUndefined();
  });

  it('warehouse: orders whose stock issues wait for confirmation, and stock below the threshold', async () => {
    const warehouse = await sectionsOf(p.clients.warehouse);
    expect(find(warehouse, 'issuesToConfirm')).toMatchObject({ count: 2 });
    const first = find(warehouse, 'issuesToConfirm')!.items.find((i) => i.entityId === made.shippingR1);
    expect(first).toMatchObject({ entity: 'order', params: { warehouseName: '上海仓', lineCount: 2 } });
    expect(find(warehouse, 'lowStock')).toMatchObject({
      count: 1,
      items: [{ entity: 'stock_level', entityId: low.id, title: low.name, params: { available: 7, threshold: 10 } }],
    });
    for (const key of ['ordersToConfirm', 'paymentsOverdue', 'paymentsDueSoon'] as const) {
      expect(find(warehouse, key), key).toBeUndefined();
    }
  });

  it('a user without the permissions gets none of these sections', async () => {
    for (const persona of ['r1', 'eastManager', 'service'] as (keyof Personas['clients'])[]) {
      const sections = await sectionsOf(p.clients[persona]);
      for (const key of ['ordersToConfirm', 'paymentsOverdue', 'paymentsDueSoon', 'issuesToConfirm', 'lowStock']) {
        expect(find(sections, key as InboxSectionKey), `${persona} ${key}`).toBeUndefined();
      }
    }
  });

  it('out-of-scope records are neither listed nor counted', async () => {
    const desk = await sectionsOf(eastDesk);
    expect(find(desk, 'ordersToConfirm')).toMatchObject({ count: 1 });
    expect(ids(desk, 'ordersToConfirm')).toEqual([made.submittedR1]);
    expect(find(desk, 'paymentsOverdue')).toMatchObject({ count: 1 });
    expect(ids(desk, 'paymentsOverdue')).toEqual([plans.overdueR1]);
    expect(find(desk, 'issuesToConfirm')).toMatchObject({ count: 1 });
    expect(ids(desk, 'issuesToConfirm')).toEqual([made.shippingR1]);
    // Without stock.record there is no low-stock section.
    expect(find(desk, 'lowStock')).toBeUndefined();
  });

  it('an administrator of another organization sees none of it', async () => {
    const other = await createOtherOrgAdmin(ctx);
    const sections = await sectionsOf(other.client);
    for (const key of ['ordersToConfirm', 'paymentsOverdue', 'paymentsDueSoon', 'issuesToConfirm', 'lowStock']) {
      expect(find(sections, key as InboxSectionKey)?.count, key).toBe(0);
    }
  });

  it('stored to-dos of other kinds join the inbox with their id to tick; approval to-dos do not', async () => {
    const todo = (kind: string, entityId: string) => ({
      orgId: p.orgId,
      userIds: [p.users.r1.id],
      kind,
      entity: kind === 'approval' ? 'approval_request' : 'customer',
      entityId,
      dueAt: null,
      dedupeKey: `${kind}:${entityId}`,
      params: { customerName: '下滑客户', customerId: entityId },
    });
    await createTodos(ctx.database.db, todo('relationship_decline', p.customers.r1[0]!));
    await createTodos(ctx.database.db, todo('approval', newId()));
    const others = find(await sectionsOf(p.clients.r1), 'otherTodos')!;
    expect(others).toMatchObject({
      count: 1,
      items: [{ entity: 'customer', title: '下滑客户', params: { todoKind: 'relationship_decline' } }],
    });
    const todoId = others.items[0]!.params.todoId as string;
    expect((await p.clients.r1.post(`/api/v1/todos/${todoId}/done`)).statusCode).toBe(204);
    expect(find(await sectionsOf(p.clients.r1), 'otherTodos')!.count).toBe(0);
  });
});

describe('role fit', () => {
  it('the read-only executive reads the business but not the jobs or the roles', async () => {
    const roles = (await p.clients.admin.get('/api/v1/roles')).json().items as {
      code: string;
      permissions: string[];
    }[];
    const executive = roles.find((r) => r.code === 'executive')!;
    expect(executive.permissions).toEqual(expect.arrayContaining(['customers.view', 'orders.view', 'finance.view']));
    expect(executive.permissions.filter((x) => x.startsWith('jobs.') || x.startsWith('roles.'))).toEqual([]);
  });
});
