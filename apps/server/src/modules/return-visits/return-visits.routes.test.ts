import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { addDays, localDateOf } from '../../platform/time/index.js';
import { createOrder, orderFixtures as fx } from '../../test/order-fixtures.js';
import { usePersonas } from '../../test/file-context.js';
import type { Client } from '../../test/test-app.js';
import { csvRows } from '../../test/export-files.js';

const { ctx, p } = usePersonas({ customersEach: 3 });
let widget: string;
let service: Client;
let serviceUserId: string;

const fieldsOf = (body: string) => (JSON.parse(body).error.fields ?? []).map((f: { field: string }) => f.field);
const today = () => localDateOf(new Date(), 'Asia/Shanghai');

/** An order of the customer taken to completed: submitted by its owner, confirmed, shipped, completed. */
async function completedOrder(customerId: string, owner: Client = p.clients.r1) {
  const order = await createOrder(owner, { customerId, lines: [{ productId: widget, quantity: 1 }] });
  expect((await owner.post(`/api/v1/orders/${order.id}/submit`, {})).statusCode).toBe(200);
  expect((await p.clients.finance.post(`/api/v1/orders/${order.id}/confirm`, {})).statusCode).toBe(200);
  expect((await p.clients.warehouse.post(`/api/v1/orders/${order.id}/ship`, {})).statusCode).toBe(200);
  const done = await p.clients.finance.post(`/api/v1/orders/${order.id}/complete`, {});
  expect(done.statusCode, done.body).toBe(200);
  return order as { id: string; orderNo: string };
}

/** The settings as the PUT takes them, from what the GET answered. */
const settingsBody = ({
  afterOrderDays,
  afterComplaintDays,
  lowScore,
  defaultHandlerId,
  version,
}: Record<string, unknown>) => ({
  afterOrderDays,
  afterComplaintDays,
  lowScore,
  defaultHandlerId,
  version,
});

const visitsOf = async (client: Client, query: string) => {
  const response = await client.get(`/api/v1/return-visits?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as Record<string, unknown>[];
};

beforeAll(async () => {
  const db = ctx.database.db;
  const warehouseId = await fx.warehouse(db, p.orgId);
  widget = await fx.product(db, p.orgId, { listPriceFen: 10_000, costPriceFen: 6_000, name: '净水器' });
  await fx.stock(db, { orgId: p.orgId, warehouseId, productId: widget }, 1000);
  const user = await ctx.createUser({ orgId: p.orgId, roleIds: [p.roleIds.customer_service!] });
  serviceUserId = user.id;
  service = await ctx.login(user);
});

describe('return visits: scheduled when an order is completed', () => {
  it('puts a visit 7 days after completion in the service queue, once, audited', async () => {
    const order = await completedOrder(p.customers.r1[0]!);
    const [visit] = await visitsOf(service, `orderId=${order.id}`);
    expect(visit).toMatchObject({
      customerId: p.customers.r1[0],
      orderNo: order.orderNo,
      source: 'order_completed',
      status: 'open',
      dueDate: addDays(today(), 7),
      handlerId: null,
      isOverdue: false,
    });
    const audits = await fx.audits(ctx.database.db, p.orgId, visit!.id as string);
    expect(audits).toMatchObject([{ action: 'create', actorId: p.users.finance.id }]);
  });

  it('follows the settings: other days and a default handler; 0 days schedules nothing', async () => {
    // Customer service handles the visits but does not set the rules.
    expect(
      (
        await service.put('/api/v1/return-visit-settings', {
          afterOrderDays: 3,
          afterComplaintDays: 3,
          lowScore: 2,
          defaultHandlerId: null,
          version: 0,
        })
      ).statusCode,
    ).toBe(403);
    // A salesperson does not handle return visits: not a default handler.
    const wrong = await p.clients.eastManager.put('/api/v1/return-visit-settings', {
      afterOrderDays: 3,
      afterComplaintDays: 3,
      lowScore: 2,
      defaultHandlerId: p.users.r1.id,
      version: 0,
    });
    expect(wrong.statusCode).toBe(400);
    expect(fieldsOf(wrong.body)).toEqual(['defaultHandlerId']);
    expect(wrong.json().error.fields[0].message).toContain('默认回访人');
    const saved = await p.clients.eastManager.put('/api/v1/return-visit-settings', {
      afterOrderDays: 3,
      afterComplaintDays: 3,
      lowScore: 2,
      defaultHandlerId: serviceUserId,
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ afterOrderDays: 3, defaultHandlerId: serviceUserId, version: 1 });

    const order = await completedOrder(p.customers.r1[1]!);
    const [visit] = await visitsOf(service, `orderId=${order.id}`);
    expect(visit).toMatchObject({ dueDate: addDays(today(), 3), handlerId: serviceUserId });

    const off = await p.clients.eastManager.put('/api/v1/return-visit-settings', {
      ...settingsBody(saved.json()),
      afterOrderDays: 0,
    });
    expect(off.statusCode, off.body).toBe(200);
    const quiet = await completedOrder(p.customers.r1[2]!);
    expect(await visitsOf(service, `orderId=${quiet.id}`)).toEqual([]);
    await p.clients.eastManager.put('/api/v1/return-visit-settings', {
      ...settingsBody(off.json()),
      afterOrderDays: 7,
      defaultHandlerId: null,
    });
  });
});

describe('return visits: the call and its score', () => {
  let visit: { id: string; version: number };

  beforeAll(async () => {
    const created = await service.post('/api/v1/return-visits', { customerId: p.customers.r2[0], dueDate: today() });
    expect(created.statusCode, created.body).toBe(201);
    visit = created.json();
  });

  it('a reached customer needs a score 1–5; bad input writes nothing', async () => {
    const missing = await service.post(`/api/v1/return-visits/${visit.id}/record`, {
      version: visit.version,
      outcome: 'reached',
    });
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing.body)).toEqual(['satisfaction']);
    expect(missing.json().error.fields[0].message).toContain('满意度');
    const tooHigh = await service.post(`/api/v1/return-visits/${visit.id}/record`, {
      version: visit.version,
      outcome: 'reached',
      satisfaction: 6,
    });
    expect(tooHigh.statusCode).toBe(400);
    expect(fieldsOf(tooHigh.body)).toEqual(['satisfaction']);
    const [row] = await queryRows<{ status: string; version: number }>(
      ctx.database.db,
      sql`select status, version from return_visits where org_id = ${p.orgId} and id = ${visit.id}`,
    );
    expect(row).toEqual({ status: 'open', version: 1 });
  });

  it('records outcome, a low score and notes; the handler is whoever called; a second record is refused', async () => {
    const stale = await service.post(`/api/v1/return-visits/${visit.id}/record`, {
      version: 99,
      outcome: 'unreachable',
    });
    expect(stale.statusCode).toBe(409);
    const recorded = await service.post(`/api/v1/return-visits/${visit.id}/record`, {
      version: visit.version,
      outcome: 'reached',
      satisfaction: 2,
      notes: '  安装师傅迟到两小时  ',
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({
      status: 'done',
      outcome: 'reached',
      satisfaction: 2,
      isLowScore: true,
      notes: '安装师傅迟到两小时',
      handlerId: serviceUserId,
    });
    expect(recorded.json().doneAt).not.toBeNull();
    const again = await service.post(`/api/v1/return-visits/${visit.id}/record`, {
      version: recorded.json().version,
      outcome: 'unreachable',
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toBe('该回访已完成或已取消。');
    const audits = await fx.audits(ctx.database.db, p.orgId, visit.id);
    expect(audits.map((a) => a.action)).toEqual(['create', 'complete']);
    expect(audits[1]).toMatchObject({ before: { status: 'open' }, after: { status: 'done', satisfaction: 2 } });
    const done = await visitsOf(service, 'status=done&view=all');
    expect(done.map((v) => v.id)).toContain(visit.id);
    // The customer's owner hears of the low score.
    const notices = (await p.clients.r2.get('/api/v1/notifications')).json().items;
    expect(notices).toContainEqual(
      expect.objectContaining({
        kind: 'return_visit_low_score',
        entity: 'customer',
        entityId: p.customers.r2[0],
        params: expect.objectContaining({ satisfaction: 2 }),
      }),
    );
  });

  it('a low score becomes a complaint in one click, once; a good score does not', async () => {
    const raised = await service.post(`/api/v1/return-visits/${visit.id}/complaint`, {});
    expect(raised.statusCode, raised.body).toBe(201);
    const { complaintId } = raised.json();
    const complaint = (await service.get(`/api/v1/complaints/${complaintId}`)).json();
    expect(complaint.complaint).toMatchObject({
      customerId: p.customers.r2[0],
      source: 'return_visit',
      channel: 'phone',
    });
    expect(complaint.complaint.description).toBe('安装师傅迟到两小时');
    expect((await service.get(`/api/v1/return-visits/${visit.id}`)).json().raisedComplaintId).toBe(complaintId);
    const again = await service.post(`/api/v1/return-visits/${visit.id}/complaint`, {});
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toBe('该回访已转为投诉。');
    const happy = (
      await service.post('/api/v1/return-visits', { customerId: p.customers.r2[1], dueDate: today() })
    ).json();
    const scored = (
      await service.post(`/api/v1/return-visits/${happy.id}/record`, {
        version: happy.version,
        outcome: 'reached',
        satisfaction: 5,
      })
    ).json();
    expect(scored.isLowScore).toBe(false);
    expect((await service.post(`/api/v1/return-visits/${happy.id}/complaint`, {})).statusCode).toBe(422);
  });

  it('closing a complaint schedules a return visit after it', async () => {
    const opened = await service.post('/api/v1/complaints', {
      customerId: p.customers.r3[2],
      subject: '滤芯漏水',
      description: '安装后第二天漏水',
      channel: 'hotline',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().complaint.id;
    expect((await service.post(`/api/v1/complaints/${id}/start`, {})).statusCode).toBe(200);
    const resolved = await service.post(`/api/v1/complaints/${id}/resolve`, {
      rootCause: '密封圈装反',
      solution: '上门更换密封圈',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect((await service.post(`/api/v1/complaints/${id}/close`, {})).statusCode).toBe(200);
    const [after] = await visitsOf(service, `customerId=${p.customers.r3[2]}&view=all`);
    expect(after).toMatchObject({ source: 'complaint_closed', complaintId: id, dueDate: addDays(today(), 3) });
  });

  it("a manager exports the team's visits with labels, not codes; service has no export", async () => {
    const rows = csvRows(await p.clients.eastManager.get('/api/v1/return-visits/export?format=csv&status=done'));
    const header = rows[0]!;
    const line = rows.find((row) => row.includes('安装师傅迟到两小时'))!;
    expect(line[header.indexOf('回访结果')]).toBe('已联系上');
    expect(line[header.indexOf('满意度')]).toBe('2');
    expect(line[header.indexOf('低分')]).toBe('是');
    expect(line[header.indexOf('来源')]).toBe('手动安排');
    expect((await service.get('/api/v1/return-visits/export?format=csv')).statusCode).toBe(403);
  });

  it('an unreachable customer leaves no score; a cancel needs a reason', async () => {
    const a = (await service.post('/api/v1/return-visits', { customerId: p.customers.r2[1], dueDate: today() })).json();
    const unreachable = await service.post(`/api/v1/return-visits/${a.id}/record`, {
      version: a.version,
      outcome: 'unreachable',
      satisfaction: 5,
    });
    expect(unreachable.json()).toMatchObject({
      status: 'done',
      outcome: 'unreachable',
      satisfaction: null,
      isLowScore: false,
    });
    const b = (await service.post('/api/v1/return-visits', { customerId: p.customers.r2[2], dueDate: today() })).json();
    const blank = await service.post(`/api/v1/return-visits/${b.id}/cancel`, { version: b.version, reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(fieldsOf(blank.body)).toEqual(['reason']);
    const cancelled = await service.post(`/api/v1/return-visits/${b.id}/cancel`, {
      version: b.version,
      reason: '客户已转介他人',
    });
    expect(cancelled.json().status).toBe('cancelled');
  });

  it('an order of another customer is refused when scheduling by hand', async () => {
    const order = await createOrder(p.clients.r1, {
      customerId: p.customers.r1[0],
      lines: [{ productId: widget, quantity: 1 }],
    });
    const response = await service.post('/api/v1/return-visits', {
      customerId: p.customers.r2[0],
      orderId: order.id,
      dueDate: today(),
    });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['orderId']);
  });
});

describe('return visits: scope and the inbox', () => {
  it("salespeople read their own customers' visits only, and do not handle them", async () => {
    const mine = (
      await service.post('/api/v1/return-visits', { customerId: p.customers.r1[0], dueDate: today() })
    ).json();
    expect((await p.clients.r1.get(`/api/v1/return-visits/${mine.id}`)).statusCode).toBe(200);
    expect((await p.clients.r2.get(`/api/v1/return-visits/${mine.id}`)).statusCode).toBe(404);
    expect(
      (await p.clients.r2.post(`/api/v1/return-visits/${mine.id}/record`, { version: 1, outcome: 'unreachable' }))
        .statusCode,
    ).toBe(403);
    const r2List = await visitsOf(p.clients.r2, 'view=all');
    expect(r2List.length).toBeGreaterThan(0);
    expect(new Set(r2List.map((v) => v.customerId))).not.toContain(p.customers.r1[0]);
    const { client: other } = await import('../../test/personas.js').then((m) => m.createOtherOrgAdmin(ctx));
    expect((await other.get(`/api/v1/return-visits/${mine.id}`)).statusCode).toBe(404);
  });

  it('customer service sees the visits due by today, its own and the queue, in its inbox', async () => {
    const due = (
      await service.post('/api/v1/return-visits', { customerId: p.customers.r3[0], dueDate: addDays(today(), -1) })
    ).json();
    expect(due.isOverdue).toBe(true);
    const later = (
      await service.post('/api/v1/return-visits', { customerId: p.customers.r3[1], dueDate: addDays(today(), 5) })
    ).json();
    const inbox = (await service.get('/api/v1/todos/inbox?limit=50')).json();
    const section = inbox.sections.find((s: { key: string }) => s.key === 'returnVisitsDue');
    const ids = section.items.map((i: { entityId: string }) => i.entityId);
    expect(ids).toContain(due.id);
    expect(ids).not.toContain(later.id);
    const [counted] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from return_visits where org_id = ${p.orgId} and status = 'open'
            and due_date <= ${today()}::date and (handler_id is null or handler_id = ${serviceUserId})`,
    );
    expect(section.count).toBe(counted!.n);
    // A salesperson has no such section.
    const repInbox = (await p.clients.r1.get('/api/v1/todos/inbox?limit=5')).json();
    expect(repInbox.sections.map((s: { key: string }) => s.key)).not.toContain('returnVisitsDue');
  });
});
