import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.js';
import { createOrder, orderFixtures as fx } from '../../test/order-fixtures.js';
import type { Client } from '../../test/test-app.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 3 });
let widget: string;

beforeAll(async () => {
  const db = ctx.database.db;
  await fx.warehouse(db, p.orgId);
  widget = await fx.product(db, p.orgId, { listPriceFen: 10_000, costPriceFen: 6_000, name: '控制器' });
  // Salespeople sell down to 90 % of list price, their manager down to 80 %.
  await fx.floor(db, { orgId: p.orgId, roleId: p.roleIds.salesperson! }, 9000);
  await fx.floor(db, { orgId: p.orgId, roleId: p.roleIds.sales_manager! }, 8000);
});

const context = (client: Client, requestId: string) => client.get(`/api/v1/approvals/${requestId}/context`);

async function pendingExpense(client: Client, customerId: string | null = null) {
  const created = await client.post('/api/v1/expenses', {
    category: 'samples',
    amountFen: 88_800,
    spentOn: '2025-04-02',
    description: '寄送样品',
    ...(customerId ? { customerId } : {}),
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id as string;
}
async function submitExpense(client: Client, id: string): Promise<string> {
  const submitted = await client.post(`/api/v1/expenses/${id}/submit`);
  expect(submitted.statusCode, submitted.body).toBe(200);
  return submitted.json().approvalRequestId;
}

describe('approval context: the facts a decider needs', () => {
  it('a price approval shows each line with list price, both floors, discount and margin, and the customer’s credit', async () => {
    const customerId = p.customers.r1[0]!;
    await p.clients.finance.put(`/api/v1/customers/${customerId}/credit`, { limitFen: 500_000, termDays: 30 });
    const order = await createOrder(p.clients.r1, {
      customerId,
      lines: [{ productId: widget, quantity: 2, unitPriceFen: 8_500 }],
    });
    const submitted = (await p.clients.r1.post(`/api/v1/orders/${order.id}/submit`, {})).json();
    const requestId = submitted.approvals[0].requestId as string;

    const answer = await context(p.clients.eastManager, requestId);
    expect(answer.statusCode, answer.body).toBe(200);
    const stage = (await p.clients.r1.get(`/api/v1/customers/${customerId}`)).json().stage;
    expect(answer.json().context).toEqual({
      kind: 'price',
      orderNo: order.orderNo,
      totalFen: 17_000,
      currency: 'CNY',
      lines: [
        {
          lineNo: 1,
          productName: '控制器',
          quantity: 2,
          listPriceFen: 10_000,
          unitPriceFen: 8_500,
          sellerFloorFen: 9_000,
          approverFloorFen: 8_000,
          discountPercent: 15,
          marginFen: 5_000,
          marginPercent: 29.4,
        },
      ],
      customer: { stage, creditLimitFen: 500_000, outstandingFen: 0, overdueFen: 0, currency: 'CNY' },
    });
    // The submitter reads it too (their own floor as the reader's); a salesperson of another team gets 404.
    expect((await context(p.clients.r1, requestId)).json().context.lines[0].approverFloorFen).toBe(9_000);
    const outsider = await context(p.clients.r3, requestId);
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json().error.message).toContain('审批');
    expect((await context(p.clients.eastManager, newId())).statusCode).toBe(404);
  });

  it('a credit override shows the limit, what is owed, this order and the excess', async () => {
    const customerId = p.customers.r1[1]!;
    await p.clients.finance.put(`/api/v1/customers/${customerId}/credit`, { limitFen: 5_000, termDays: 10 });
    const order = await createOrder(p.clients.r1, { customerId, lines: [{ productId: widget, quantity: 1 }] });
    await p.clients.r1.post(`/api/v1/orders/${order.id}/submit`, {});
    const requested = await p.clients.r1.post(`/api/v1/orders/${order.id}/credit-override`, { reason: '预付款已到账' });
    expect(requested.statusCode, requested.body).toBe(200);
    const requestId = requested
      .json()
      .approvals.find((a: { businessType: string }) => a.businessType === 'credit_override').requestId;
    const answer = await context(p.clients.finance, requestId);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().context).toEqual({
      kind: 'credit',
      orderNo: order.orderNo,
      currency: 'CNY',
      limitFen: 5_000,
      outstandingFen: 0,
      orderFen: 10_000,
      overdueFen: 0,
      excessFen: 5_000,
    });
  });

  it('an expense shows category, date, amount, customer and its receipts, which the approver can open', async () => {
    const customerId = p.customers.r1[2]!;
    const id = await pendingExpense(p.clients.r1, customerId);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const uploaded = await p.clients.r1.upload(`/api/v1/expenses/${id}/attachments`, {
      fileName: '快递单.png',
      bytes: png,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const requestId = await submitExpense(p.clients.r1, id);

    const answer = (await context(p.clients.eastManager, requestId)).json().context;
    expect(answer).toMatchObject({
      kind: 'expense',
      category: 'samples',
      spentOn: '2025-04-02',
      amountFen: 88_800,
      description: '寄送样品',
      customerName: expect.any(String),
      receipts: [{ fileName: '快递单.png', contentType: 'image/png', sizeBytes: png.length }],
    });
    const file = await p.clients.eastManager.get(answer.receipts[0].url);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(png)).toBe(true);
  });

  it('a stage move shows from → to with the reason, and the customer’s recent follow-ups and moves', async () => {
    const customerId = p.customers.r2[0]!;
    const logged = await p.clients.r2.post('/api/v1/follow-ups', {
      customerId,
      type: 'visit',
      content: '客户表示已停业',
      occurredAt: new Date().toISOString(),
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const before = (await p.clients.r2.get(`/api/v1/customers/${customerId}`)).json().stage;
    const moved = await p.clients.r2.post(`/api/v1/customers/${customerId}/stage-transitions`, {
      to: 'lost',
      reason: '客户已停业',
    });
    expect(moved.statusCode, moved.body).toBe(202);
    const todo = (await p.clients.eastManager.get('/api/v1/approvals?box=todo&businessType=stage_transition')).json();
    const request = todo.items.find((r: { customerId: string }) => r.customerId === customerId);

    await p.clients.eastManager.patch('/api/v1/auth/me', { locale: 'en' });
    const answer = (await context(p.clients.eastManager, request.id)).json().context;
    await p.clients.eastManager.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    expect(answer).toMatchObject({
      kind: 'stage',
      from: before,
      to: 'lost',
      currentStage: before,
      reason: '客户已停业',
      recentFollowUps: [
        { typeName: 'Visit', content: '客户表示已停业', authorName: p.users.r2.username, at: expect.any(String) },
      ],
    });
    expect(Array.isArray(answer.recentMoves)).toBe(true);
  });
});

describe('batch approve', () => {
  it('approves what the caller may decide and reports each refusal, in the caller’s language', async () => {
    const mine = [
      await submitExpense(p.clients.r1, await pendingExpense(p.clients.r1)),
      await submitExpense(p.clients.r2, await pendingExpense(p.clients.r2)),
    ];
    // R3 reports to the head of sales: the east manager neither decides nor sees it.
    const west = await submitExpense(p.clients.r3, await pendingExpense(p.clients.r3));
    const unknown = newId();

    const answer = await p.clients.eastManager.post('/api/v1/approvals/batch-approve', {
      requestIds: [...mine, west, unknown],
      comment: '同意',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().results).toEqual([
      { id: mine[0], outcome: 'approved', status: 'approved', error: null },
      { id: mine[1], outcome: 'approved', status: 'approved', error: null },
      {
        id: west,
        outcome: 'failed',
        status: null,
        error: { code: 'not_found', message: expect.stringContaining('审批') },
      },
      { id: unknown, outcome: 'failed', status: null, error: { code: 'not_found', message: expect.any(String) } },
    ]);
    for (const id of mine)
      expect((await p.clients.eastManager.get(`/api/v1/approvals/${id}`)).json().status).toBe('approved');
    expect((await p.clients.head.get(`/api/v1/approvals/${west}`)).json().status).toBe('pending');

    // Approving one's own request is refused (not the approver's step), and a decided one is no longer pending.
    const own = await submitExpense(p.clients.r1, await pendingExpense(p.clients.r1));
    const refused = await p.clients.r1.post('/api/v1/approvals/batch-approve', { requestIds: [own, mine[0]] });
    expect(
      refused.json().results.map((r: { outcome: string; error: { code: string } | null }) => r.error?.code),
    ).toEqual(['forbidden', 'conflict']);
    expect((await p.clients.r1.get(`/api/v1/approvals/${own}`)).json().status).toBe('pending');
  });

  it('refuses an empty or oversized batch naming the field', async () => {
    const empty = await p.clients.eastManager.post('/api/v1/approvals/batch-approve', { requestIds: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0]).toEqual({ field: 'requestIds', message: expect.stringContaining('审批申请') });
    const tooMany = Array.from({ length: 51 }, () => newId());
    expect(
      (await p.clients.eastManager.post('/api/v1/approvals/batch-approve', { requestIds: tooMany })).statusCode,
    ).toBe(400);
  });
});
