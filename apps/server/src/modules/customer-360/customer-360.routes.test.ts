import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CustomerAttachmentList, CustomerEventList, CustomerSummary } from '@guanxi/contract';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.js';
import { queryRows } from '../../platform/db/query.js';
import { customers, orders, payments } from '../../platform/db/schema/index.js';
import { DAY_MS } from '../../platform/time/index.js';
import { createPersonas, type Personas } from '../../test/personas.js';
import { createTestContext, type TestContext } from '../../test/test-app.js';
import { orderFixtures } from '../../test/order-fixtures.js';
import { insertOrder } from '../../test/order-rows.js';

let ctx: TestContext;
let p: Personas;
let customerId: string;
let paidOrderId: string;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const next = new Date(Date.now() + 3 * DAY_MS).toISOString();

beforeAll(async () => {
  ctx = await createTestContext({ dataDir: await mkdtemp(path.join(tmpdir(), 'guanxi-c360-')) });
  p = await createPersonas(ctx, { customersEach: 1 });
  customerId = p.customers.r1[0]!;
  const { db } = ctx.database;
  // Owned for 10.5 days; the follow-up 4.5 days ago restarts the 30-day clock: 25.5 days left → 26.
  await db
    .update(customers)
    .set({ ownedSince: new Date(Date.now() - 10.5 * DAY_MS) })
    .where(and(eq(customers.orgId, p.orgId), eq(customers.id, customerId)));
  const followUp = await p.clients.r1.post('/api/v1/follow-ups', {
    customerId,
    type: 'call',
    content: '电话沟通报价',
    occurredAt: new Date(Date.now() - 4.5 * DAY_MS).toISOString(),
    nextContactAt: next,
  });
  expect(followUp.statusCode, followUp.body).toBe(201);

  // Two open opportunities (3,000 + 2,000 yuan) and one closed as invalid (not counted).
  const opportunity = async (name: string, amountFen: number) => {
    const response = await p.clients.r1.post('/api/v1/opportunities', { customerId, name, amountFen });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  await opportunity('年度采购', 300_000);
  await opportunity('备件', 200_000);
  const invalid = await opportunity('重复录入', 900_000);
  const closed = await p.clients.r1.post(`/api/v1/opportunities/${invalid}/invalid`, { reason: '重复' });
  expect(closed.statusCode, closed.body).toBe(200);

  // Bought: confirmed 1,000 yuan (400 paid) + completed 300 yuan; a draft of 999 yuan does not count.
  const productId = await orderFixtures.product(db, p.orgId, { listPriceFen: 10_000, costPriceFen: 4_000 });
  const order = (status: string, unitPriceFen: number) =>
    insertOrder(db, {
      orgId: p.orgId,
      customerId,
      ownerId: p.users.r1.id,
      productId,
      status,
      confirmedAt: status === 'draft' ? null : new Date(Date.now() - DAY_MS).toISOString(),
      lines: [{ quantity: 1, unitPriceFen, unitCostFen: 1_000 }],
    });
  paidOrderId = await order('confirmed', 100_000);
  await order('completed', 30_000);
  await order('draft', 99_900);
  await db.insert(payments).values({
    orgId: p.orgId,
    id: newId(),
    orderId: paidOrderId,
    customerId,
    amountFen: 40_000,
    method: 'bank_transfer',
    receivedOn: '2026-03-11',
    recordedBy: p.users.r1.id,
  });
  await db
    .update(orders)
    .set({ paidFen: 40_000 })
    .where(and(eq(orders.orgId, p.orgId), eq(orders.id, paidOrderId)));
});

afterAll(async () => {
  await ctx?.close();
});

describe('customer summary', () => {
  it('answers the key numbers computed from the records', async () => {
    const response = await p.clients.r1.get(`/api/v1/customers/${customerId}/summary`);
    expect(response.statusCode, response.body).toBe(200);
    const summary = response.json() as CustomerSummary;
    expect(summary).toMatchObject({
      customerId,
      stage: 'interested', // the opportunity moved it on (lifecycle rule)
      ownerId: p.users.r1.id,
      currency: 'CNY',
      openOpportunityFen: 500_000,
      openOpportunityCount: 2,
      totalBoughtFen: 130_000,
      owedFen: 90_000,
      daysUntilReclaim: 26,
      nextFollowUpAt: next,
    });
    expect(summary.ownerName).toBeTruthy();
    expect(Date.now() - new Date(summary.lastFollowUpAt!).getTime()).toBeGreaterThan(4 * DAY_MS);
    const ownership = (await p.clients.r1.get(`/api/v1/customers/${customerId}/ownership`)).json();
    expect(summary.daysUntilReclaim).toBe(ownership.daysUntilReclaim);
  });

  it('calls the primary contact, unless the role may not see the customer’s phone', async () => {
    const contact = await p.clients.r1.post('/api/v1/contacts', {
      customerId,
      name: '王经理',
      mobile: '13912345678',
      isPrimary: true,
    });
    expect(contact.statusCode, contact.body).toBe(201);
    const mine = (await p.clients.r1.get(`/api/v1/customers/${customerId}/summary`)).json() as CustomerSummary;
    expect(mine.phone).toBe('13912345678');
    // The service role has the customer's phone hidden: no contact mobile through the summary either.
    const hidden = (await p.clients.service.get(`/api/v1/customers/${customerId}/summary`)).json() as CustomerSummary;
    expect(hidden.phone).toBeNull();
  });

  it('leaves out the amounts a role may not read', async () => {
    // The service role sees customers but neither orders nor opportunities.
    const summary = (await p.clients.service.get(`/api/v1/customers/${customerId}/summary`)).json() as CustomerSummary;
    expect(summary.totalBoughtFen).toBeNull();
    expect(summary.openOpportunityFen).toBeNull();
  });

  it('answers 404 for a customer outside the caller’s scope', async () => {
    for (const suffix of ['summary', 'events', 'attachments']) {
      const response = await p.clients.r3.get(`/api/v1/customers/${customerId}/${suffix}`);
      expect(response.statusCode, suffix).toBe(404);
    }
  });
});

describe('customer events', () => {
  it('lists orders, payments and opportunity moves newest first, stage names included', async () => {
    const response = await p.clients.r1.get(`/api/v1/customers/${customerId}/events`);
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json() as CustomerEventList;
    const kinds = items.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'order_created')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'order_confirmed')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'opportunity_opened')).toHaveLength(3);
    expect(kinds).toContain('opportunity_invalid');
    expect(kinds).toContain('payment_received');
    const payment = items.find((e) => e.kind === 'payment_received')!;
    expect(payment).toMatchObject({ amountFen: 40_000, currency: 'CNY', subjectId: paidOrderId });
    const opened = items.find((e) => e.kind === 'opportunity_opened')!;
    expect(opened.toStage).toBeTruthy();
    expect(opened.actorName).toBeTruthy();
    const times = items.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('shows only the kinds the caller may read', async () => {
    const { items } = (
      await p.clients.service.get(`/api/v1/customers/${customerId}/events`)
    ).json() as CustomerEventList;
    expect(items.some((e) => e.kind.startsWith('order_') || e.kind.startsWith('opportunity_'))).toBe(false);
  });
});

describe('customer attachments', () => {
  it('uploads, lists, downloads and deletes a file, audited; others answer 404', async () => {
    const uploaded = await p.clients.r1.upload(`/api/v1/customers/${customerId}/attachments`, {
      fileName: '营业执照.png',
      bytes: PNG,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const { id } = uploaded.json();
    const list = (
      await p.clients.r1.get(`/api/v1/customers/${customerId}/attachments`)
    ).json() as CustomerAttachmentList;
    expect(list.items.map((f) => f.fileName)).toEqual(['营业执照.png']);
    expect(list.items[0]!.createdByName).toBeTruthy();
    const download = await p.clients.eastManager.get(`/api/v1/customers/${customerId}/attachments/${id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);
    expect((await p.clients.r3.get(`/api/v1/customers/${customerId}/attachments/${id}`)).statusCode).toBe(404);
    const outsider = await p.clients.r3.upload(`/api/v1/customers/${customerId}/attachments`, {
      fileName: 'x.png',
      bytes: PNG,
    });
    expect(outsider.statusCode).toBe(404);

    expect((await p.clients.r1.delete(`/api/v1/customers/${customerId}/attachments/${id}`)).statusCode).toBe(204);
    const after = (await p.clients.r1.get(`/api/v1/customers/${customerId}/attachments`)).json();
    expect(after.items).toEqual([]);
    const audit = await queryRows<{ action: string }>(
      ctx.database.db,
      sql`select action from audit_log where org_id = ${p.orgId} and entity = 'attachment' and entity_id = ${id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
  });
});
