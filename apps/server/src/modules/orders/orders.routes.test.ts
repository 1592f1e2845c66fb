import { beforeAll, describe, expect, it } from 'vitest';
import { createOrder, orderFixtures as fx } from '../../test/order-fixtures.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 2 });
let widget: string;
let gadget: string;
let retired: string;

beforeAll(async () => {
  const db = ctx.database.db;
  await fx.warehouse(db, p.orgId);
  widget = await fx.product(db, p.orgId, { listPriceFen: 10_000, costPriceFen: 6_000, name: '控制器' });
  gadget = await fx.product(db, p.orgId, { listPriceFen: 333, costPriceFen: 100, name: '传感器' });
  retired = await fx.product(db, p.orgId, { listPriceFen: 500, costPriceFen: 100, active: false });
});

describe('orders: create and validation', () => {
  it('creates a draft with sequential numbers, list-price defaults and integer totals with discount rounding', async () => {
    const customerId = p.customers.r1[0]!;
    const first = await createOrder(p.clients.r1, {
      customerId,
      lines: [
        { productId: widget, quantity: 3 },
        // 7 × 333 × 0.85 = 1981.35 → 1981 fen (rounded half up in integer math)
        { productId: gadget, quantity: 7, discountBp: 1500 },
      ],
    });
    expect(first).toMatchObject({ status: 'draft', currency: 'CNY', ownerId: p.users.r1.id, customerId });
    expect(first.orderNo).toMatch(/^DD\d{6}$/);
    expect(first.lines.map((l: { lineTotalFen: number }) => l.lineTotalFen)).toEqual([30_000, 1981]);
    expect(first.lines[0]).toMatchObject({ unitPriceFen: 10_000, listPriceFen: 10_000, unitCostFen: 6_000 });
    expect(first.totalFen).toBe(31_981);
    expect(first.costFen).toBe(3 * 6_000 + 7 * 100);
    // 1 × 333 × 0.995 = 331.335 → 331; 1 × 333 × 0.5 = 166.5 → 167 (half up)
    const second = await createOrder(p.clients.r1, {
      customerId,
      lines: [
        { productId: gadget, quantity: 1, discountBp: 50 },
        { productId: gadget, quantity: 1, discountBp: 5000 },
      ],
    });
    expect(second.lines.map((l: { lineTotalFen: number }) => l.lineTotalFen)).toEqual([331, 167]);
    expect(Number(second.orderNo.slice(2))).toBe(Number(first.orderNo.slice(2)) + 1);
  });

  it('answers 400 naming the field in Chinese and English, and writes nothing', async () => {
    const customerId = p.customers.r1[1]!;
    const before = (await p.clients.r1.get(`/api/v1/orders?customerId=${customerId}`)).json().items.length;
    const unknown = await p.clients.r1.post('/api/v1/orders', {
      customerId,
      lines: [
        { productId: widget, quantity: 1 },
        { productId: retired, quantity: 1 },
      ],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual([
      { field: 'lines.1.productId', message: '订单明细第 2 项的产品不是可用的产品' },
    ]);
    const zero = await p.clients.r1.post('/api/v1/orders', { customerId, lines: [{ productId: widget, quantity: 0 }] });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.fields).toEqual([expect.objectContaining({ field: 'lines.0.quantity' })]);
    const noLines = await p.clients.r1.post('/api/v1/orders', { customerId, lines: [] });
    expect(noLines.json().error.fields).toEqual([{ field: 'lines', message: '订单明细至少需要 1 项' }]);
    const fraction = await p.clients.r1.post('/api/v1/orders', {
      customerId,
      lines: [{ productId: widget, quantity: 1, unitPriceFen: 12.5 }],
    });
    expect(fraction.statusCode).toBe(400);
    expect(fraction.json().error.fields[0].field).toBe('lines.0.unitPriceFen');
    const english = await p.clients.r1.request({
      method: 'POST',
      url: '/api/v1/orders',
      headers: { 'accept-language': 'en' },
      payload: { customerId, orderDate: 'yesterday', lines: [{ productId: widget, quantity: 1 }] },
    });
    await p.clients.r1.patch('/api/v1/auth/me', { locale: 'en' });
    const englishUser = await p.clients.r1.post('/api/v1/orders', { customerId, lines: [] });
    await p.clients.r1.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    expect(english.statusCode).toBe(400);
    expect(englishUser.json().error.fields).toEqual([
      { field: 'lines', message: 'Order lines must have at least 1 items' },
    ]);
    const after = (await p.clients.r1.get(`/api/v1/orders?customerId=${customerId}`)).json().items.length;
    expect(after).toBe(before);
  });

  it('credits the order to the customer owner when finance or a clerk enters it; another owner → 400', async () => {
    const customerId = p.customers.r2[0]!;
    const byClerk = await createOrder(p.clients.clerk, { customerId, lines: [{ productId: widget, quantity: 1 }] });
    expect(byClerk).toMatchObject({ ownerId: p.users.r2.id, createdBy: p.users.clerk.id });
    const byFinance = await createOrder(p.clients.finance, { customerId, lines: [{ productId: widget, quantity: 1 }] });
    expect(byFinance.ownerId).toBe(p.users.r2.id);
    const wrongOwner = await p.clients.clerk.post('/api/v1/orders', {
      customerId,
      ownerId: p.users.r1.id,
      lines: [{ productId: widget, quantity: 1 }],
    });
    expect(wrongOwner.statusCode).toBe(400);
    expect(wrongOwner.json().error.fields).toEqual([{ field: 'ownerId', message: '负责人必须是客户的负责人' }]);
  });

  it('hides orders of customers out of scope (404) and lets the manager see the team', async () => {
    const order = await createOrder(p.clients.r1, {
      customerId: p.customers.r1[0]!,
      lines: [{ productId: widget, quantity: 1 }],
    });
    expect((await p.clients.r2.get(`/api/v1/orders/${order.id}`)).statusCode).toBe(404);
    expect((await p.clients.r3.get(`/api/v1/orders/${order.id}`)).statusCode).toBe(404);
    const foreignCreate = await p.clients.r2.post('/api/v1/orders', {
      customerId: p.customers.r1[0]!,
      lines: [{ productId: widget, quantity: 1 }],
    });
    expect(foreignCreate.statusCode).toBe(404);
    expect((await p.clients.r2.get('/api/v1/orders')).json().items.map((o: { id: string }) => o.id)).not.toContain(
      order.id,
    );
    expect((await p.clients.eastManager.get(`/api/v1/orders/${order.id}`)).statusCode).toBe(200);
    const managerList = (await p.clients.eastManager.get('/api/v1/orders?limit=200')).json().items;
    expect(managerList.map((o: { id: string }) => o.id)).toContain(order.id);
    const mine = (await p.clients.eastManager.get('/api/v1/orders?mine=true')).json().items;
    expect(mine).toHaveLength(0);
    const byNo = (await p.clients.r1.get(`/api/v1/orders?q=${order.orderNo}`)).json().items;
    expect(byNo.map((o: { id: string }) => o.id)).toEqual([order.id]);
    expect((await p.clients.service.get('/api/v1/orders')).statusCode).toBe(403);
    expect(
      (await p.clients.warehouse.post('/api/v1/orders', { customerId: p.customers.r1[0]!, lines: [] })).statusCode,
    ).toBe(403);
  });

  it('pages with a cursor in both sorts', async () => {
    const all = (await p.clients.finance.get('/api/v1/orders?limit=200')).json().items;
    const first = (await p.clients.finance.get('/api/v1/orders?limit=2&sort=-totalFen')).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await p.clients.finance.get(`/api/v1/orders?limit=200&sort=-totalFen&cursor=${first.nextCursor}`)
    ).json();
    expect(first.items.length + second.items.length).toBe(all.length);
    expect(first.items[0].totalFen).toBeGreaterThanOrEqual(second.items[0].totalFen);
    expect((await p.clients.finance.get('/api/v1/orders?cursor=bad')).statusCode).toBe(400);
  });
});

describe('orders: edit and delete', () => {
  it('edits a draft with the version, replacing lines, audited; stale → 409', async () => {
    const order = await createOrder(p.clients.r1, {
      customerId: p.customers.r1[0]!,
      lines: [{ productId: widget, quantity: 1 }],
    });
    const edited = await p.clients.r1.patch(`/api/v1/orders/${order.id}`, {
      version: order.version,
      notes: '  加急  ',
      lines: [{ productId: gadget, quantity: 10, unitPriceFen: 300 }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ notes: '加急', totalFen: 3000, costFen: 1000, version: order.version + 1 });
    expect(edited.json().lines).toHaveLength(1);
    const stale = await p.clients.r1.patch(`/api/v1/orders/${order.id}`, { version: order.version, notes: 'x' });
    expect(stale.statusCode).toBe(409);
    const audits = await fx.audits(ctx.database.db, p.orgId, order.id);
    expect(audits.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audits[1]!.before).toMatchObject({ totalFen: 10_000 });
    expect(audits[1]!.after).toMatchObject({ totalFen: 3000 });
    // A bad line leaves the order as it was (all or nothing).
    const bad = await p.clients.r1.patch(`/api/v1/orders/${order.id}`, {
      version: edited.json().version,
      lines: [
        { productId: widget, quantity: 1 },
        { productId: retired, quantity: 1 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect((await p.clients.r1.get(`/api/v1/orders/${order.id}`)).json()).toMatchObject({
      totalFen: 3000,
      version: edited.json().version,
    });
  });

  it('deletes drafts only (soft, with orders.delete) and refuses other states with 409', async () => {
    const order = await createOrder(p.clients.r1, {
      customerId: p.customers.r1[0]!,
      lines: [{ productId: widget, quantity: 1 }],
    });
    expect((await p.clients.r1.delete(`/api/v1/orders/${order.id}`)).statusCode).toBe(403);
    const submitted = await createOrder(p.clients.r1, {
      customerId: p.customers.r1[0]!,
      lines: [{ productId: widget, quantity: 1 }],
    });
    await p.clients.r1.post(`/api/v1/orders/${submitted.id}/submit`, {});
    const refused = await p.clients.eastManager.delete(`/api/v1/orders/${submitted.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('订单正在等待财务确认，现在不能执行此操作。');
    expect((await p.clients.eastManager.delete(`/api/v1/orders/${order.id}`)).statusCode).toBe(204);
    expect((await p.clients.r1.get(`/api/v1/orders/${order.id}`)).statusCode).toBe(404);
    const audits = await fx.audits(ctx.database.db, p.orgId, order.id);
    expect(audits.at(-1)!.action).toBe('delete');
  });
});

describe('orders: submit and price authority', () => {
  it('submits within authority straight to submitted; editing is then refused with the state named', async () => {
    const order = await createOrder(p.clients.r1, {
      customerId: p.customers.r1[0]!,
      lines: [{ productId: widget, quantity: 2 }],
    });
    const submitted = await p.clients.r1.post(`/api/v1/orders/${order.id}/submit`, { version: order.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', approvals: [] });
    expect(submitted.json().submittedAt).not.toBeNull();
    const again = await p.clients.r1.post(`/api/v1/orders/${order.id}/submit`, {});
    expect(again.statusCode).toBe(409);
    await p.clients.r1.patch('/api/v1/auth/me', { locale: 'en' });
    const edit = await p.clients.r1.patch(`/api/v1/orders/${order.id}`, {
      version: submitted.json().version,
      notes: 'x',
    });
    await p.clients.r1.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe('The order is waiting for confirmation; this is not possible now.');
    const audits = await fx.audits(ctx.database.db, p.orgId, order.id);
    expect(audits.at(-1)).toMatchObject({
      action: 'status:submitted',
      before: { status: 'draft' },
      after: { status: 'submitted' },
    });
  });

  it('sends a line below the owner floor to the manager; approval → submitted, rejection → draft', async () => {
    // Salespeople may go down to 90 % of list price; the widget at 85 % is below.
    await fx.floor(ctx.database.db, { orgId: p.orgId, roleId: p.roleIds.salesperson! }, 9000);
    const order = await createOrder(p.clients.r1, {
      customerId: p.customers.r1[1]!,
      lines: [
        { productId: widget, quantity: 1, unitPriceFen: 8_500 },
        { productId: gadget, quantity: 1 },
      ],
    });
    const pending = await p.clients.r1.post(`/api/v1/orders/${order.id}/submit`, {});
    expect(pending.statusCode, pending.body).toBe(200);
    expect(pending.json().status).toBe('pending_approval');
    const approval = pending.json().approvals[0];
    expect(approval).toMatchObject({ businessType: 'price_below_authority', status: 'pending' });
    const request = (await p.clients.eastManager.get(`/api/v1/approvals/${approval.requestId}`)).json();
    expect(request.summary.lines).toEqual([
      expect.objectContaining({ productName: '控制器', unitPriceFen: 8_500, floorFen: 9_000 }),
    ]);
    // The salesperson cannot approve the own request; the manager can.
    expect(
      (await p.clients.r1.post(`/api/v1/approvals/${approval.requestId}/approve`, {})).statusCode,
    ).toBeGreaterThanOrEqual(403);
    const approved = await p.clients.eastManager.post(`/api/v1/approvals/${approval.requestId}/approve`, {
      comment: '老客户',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await p.clients.r1.get(`/api/v1/orders/${order.id}`)).json().status).toBe('submitted');

    const second = await createOrder(p.clients.r1, {
      customerId: p.customers.r1[1]!,
      lines: [{ productId: widget, quantity: 1, discountBp: 2000 }],
    });
    const pending2 = (await p.clients.r1.post(`/api/v1/orders/${second.id}/submit`, {})).json();
    expect(pending2.status).toBe('pending_approval');
    const rejected = await p.clients.eastManager.post(`/api/v1/approvals/${pending2.approvals[0].requestId}/reject`, {
      comment: '太低',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const back = (await p.clients.r1.get(`/api/v1/orders/${second.id}`)).json();
    expect(back.status).toBe('draft');
    const audits = await fx.audits(ctx.database.db, p.orgId, second.id);
    expect(audits.at(-1)).toMatchObject({ action: 'status:draft', actorId: p.users.eastManager.id });
    // Edited back within authority, it resubmits straight to submitted.
    const fixed = await p.clients.r1.patch(`/api/v1/orders/${second.id}`, {
      version: back.version,
      lines: [{ productId: widget, quantity: 1 }],
    });
    expect(
      (await p.clients.r1.post(`/api/v1/orders/${second.id}/submit`, { version: fixed.json().version })).json().status,
    ).toBe('submitted');
  });

  it('cancelling a pending order withdraws its approval; a salesperson cannot confirm', async () => {
    const order = await createOrder(p.clients.r1, {
      customerId: p.customers.r1[1]!,
      lines: [{ productId: widget, quantity: 1, unitPriceFen: 1 }],
    });
    const pending = (await p.clients.r1.post(`/api/v1/orders/${order.id}/submit`, {})).json();
    expect(pending.status).toBe('pending_approval');
    expect((await p.clients.r1.post(`/api/v1/orders/${order.id}/confirm`, {})).statusCode).toBe(403);
    const noReason = await p.clients.r1.post(`/api/v1/orders/${order.id}/cancel`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toEqual([{ field: 'reason', message: '原因为必填项' }]);
    const cancelled = await p.clients.r1.post(`/api/v1/orders/${order.id}/cancel`, { reason: '客户不要了' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '客户不要了' });
    expect(cancelled.json().approvals[0]).toMatchObject({ status: 'withdrawn' });
    expect((await p.clients.r2.post(`/api/v1/orders/${order.id}/cancel`, { reason: 'x' })).statusCode).toBe(404);
  });
});
