import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { newId } from '../../platform/db/ids.js';
import { createEventBus } from '../../platform/events/index.js';
import { addDays, todayIn } from '../../platform/time/index.js';
import { usePersonas } from '../../test/file-context.js';
import { subscribeLifecycleRules } from '../lifecycle/index.js';
import { computeRelationshipPhases, relationshipModule } from './index.js';

const DAY = 86_400_000;
const { ctx, p } = usePersonas({ customersEach: 2 });
const bus = createEventBus();
subscribeLifecycleRules(bus);
relationshipModule.subscribe!(bus);
const start = new Date();
const later = (days: number, minutes = 0) => new Date(start.getTime() + days * DAY + minutes * 60_000);
const confirmOrder = (customerId: string, at: Date) =>
  ctx.database.db.transaction((tx) =>
    bus.publish(tx, { type: 'order.confirmed', orgId: p.orgId, customerId, orderId: newId(), actorId: null, at }),
  );
const today = todayIn('Asia/Shanghai');
const rowsOf = <T>(query: ReturnType<typeof sql>) => queryRows<T>(ctx.database.db, query);

let steady: string; // r1: five orders a month apart, then nothing
let burst: string; // r1: six orders on one day
let quiet: string; // r2: no order
let lapsed: string; // r2: one order long ago

beforeAll(async () => {
  [steady, burst] = p.customers.r1 as [string, string];
  [quiet, lapsed] = p.customers.r2 as [string, string];
  for (const day of [0, 30, 60, 90, 120]) await confirmOrder(steady, later(day));
  for (let i = 0; i < 6; i++) await confirmOrder(burst, later(500, i));
  await confirmOrder(lapsed, later(0));
  await computeRelationshipPhases(ctx.database.db, later(600));
});

const relationship = async (client: 'r1' | 'r2', id: string) =>
  (await p.clients[client].get(`/api/v1/customers/${id}/relationship`)).json();

describe('relationship phases computed from the purchase rhythm', () => {
  it('gives every customer its phase with the reason: lapsed buyers decline, a same-day burst is one occasion', async () => {
    expect(await relationship('r1', steady)).toMatchObject({
      phase: 'decline',
      decisionPending: true,
      reason: {
        code: 'overdue',
        occasions: 5,
        daysSinceLast: 480,
        expectedIntervalDays: 30,
        intervalSource: 'history',
      },
    });
    expect(await relationship('r1', burst)).toMatchObject({
      phase: 'formation',
      reason: { code: 'few_purchases', occasions: 1, expectedIntervalDays: 180, intervalSource: 'default' },
    });
    expect(await relationship('r2', quiet)).toMatchObject({ phase: 'exploration', reason: { code: 'no_purchase' } });
    expect(await relationship('r2', lapsed)).toMatchObject({ phase: 'decline', reason: { code: 'overdue' } });
  });

  it('lists the declining customers by the phase filter and answers 404 for a customer out of scope', async () => {
    const list = (await p.clients.r1.get('/api/v1/customers?relationshipPhase=decline')).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([steady]);
    expect(list.items[0].relationshipPhase).toBe('decline');
    expect((await p.clients.r2.get(`/api/v1/customers/${steady}/relationship`)).statusCode).toBe(404);
    const bad = await p.clients.r1.get('/api/v1/customers?relationshipPhase=cold');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'relationshipPhase' });
  });

  it('alerts the owner and the owner manager once per decline, with a to-do each, however often the job runs', async () => {
    await computeRelationshipPhases(ctx.database.db, later(601));
    const alerts = await rowsOf<{ userId: string; table: string }>(
      sql`select user_id as "userId", 'notification' as "table" from notifications
           where org_id = ${p.orgId} and kind = 'relationship_decline' and entity_id = ${steady}
          union all
          select user_id, 'todo' from todos where org_id = ${p.orgId} and kind = 'relationship_decline' and entity_id = ${steady}`,
    );
    const expected = [p.users.r1.id, p.users.eastManager.id].sort();
    expect(
      alerts
        .filter((a) => a.table === 'notification')
        .map((a) => a.userId)
        .sort(),
    ).toEqual(expected);
    expect(
      alerts
        .filter((a) => a.table === 'todo')
        .map((a) => a.userId)
        .sort(),
    ).toEqual(expected);
  });
});

describe('decisions on a declining customer', () => {
  const decisionsOf = (customerId: string) =>
    rowsOf<{ n: number }>(sql`select count(*)::int as n from decline_decisions where customer_id = ${customerId}`);

  it('refuses an incomplete win-back plan with the field named, and writes nothing', async () => {
    const noTasks = await p.clients.r1.post(`/api/v1/customers/${steady}/decline-decisions`, {
      strategy: 'win_back',
      reason: '老客户，值得挽回',
      checkOn: addDays(today, 14),
    });
    expect(noTasks.statusCode).toBe(400);
    expect(noTasks.json().error.fields[0]).toMatchObject({
      field: 'tasks',
      message: expect.stringContaining('任务'),
    });
    const pastCheck = await p.clients.r1.post(`/api/v1/customers/${steady}/decline-decisions`, {
      strategy: 'win_back',
      reason: '老客户',
      tasks: [{ step: 'call', dueOn: addDays(today, 1) }],
      checkOn: addDays(today, -1),
    });
    expect(pastCheck.statusCode).toBe(400);
    expect(pastCheck.json().error.fields[0]).toMatchObject({ field: 'checkOn' });
    expect((await decisionsOf(steady))[0]!.n).toBe(0);
    const notDeclining = await p.clients.r1.post(`/api/v1/customers/${burst}/decline-decisions`, {
      strategy: 'let_go',
      reason: '不再跟进',
      letGoTo: 'pool',
    });
    expect(notDeclining.statusCode).toBe(422);
  });

  it('win back: one task per step and a check task for the owner, the decline to-dos closed, audited; once per decline', async () => {
    const decided = await p.clients.eastManager.post(`/api/v1/customers/${steady}/decline-decisions`, {
      strategy: 'win_back',
      reason: '老客户，价格敏感，给一次优惠',
      tasks: [
        { step: 'call', dueOn: addDays(today, 1) },
        { step: 'offer', dueOn: addDays(today, 3), note: '九折报价' },
      ],
      checkOn: addDays(today, 14),
    });
    expect(decided.statusCode, decided.body).toBe(201);
    expect(decided.json()).toMatchObject({
      tasksCreated: 3,
      stageMove: null,
      relationship: { phase: 'decline', decisionPending: false, decisions: [{ decision: 'win_back', outcome: null }] },
    });
    const tasks = await rowsOf<{ title: string; assigneeId: string }>(
      sql`select title, assignee_id as "assigneeId" from tasks where related_id = ${steady} and title like '%挽回%' order by due_at`,
    );
    expect(tasks.map((t) => t.title)).toEqual([
      expect.stringContaining('挽回电话'),
      expect.stringContaining('挽回优惠方案'),
      expect.stringContaining('检查挽回效果'),
    ]);
    expect(new Set(tasks.map((t) => t.assigneeId))).toEqual(new Set([p.users.r1.id]));
    const open = await rowsOf<{ n: number }>(
      sql`select count(*)::int as n from todos where entity_id = ${steady} and kind = 'relationship_decline' and done_at is null`,
    );
    expect(open[0]!.n).toBe(0);
    const audit = await rowsOf<{ n: number }>(
      sql`select count(*)::int as n from audit_log where org_id = ${p.orgId} and entity = 'decline_decision' and actor_id = ${p.users.eastManager.id}`,
    );
    expect(audit[0]!.n).toBe(1);
    const again = await p.clients.r1.post(`/api/v1/customers/${steady}/decline-decisions`, {
      strategy: 'let_go',
      reason: '放弃',
      letGoTo: 'pool',
    });
    expect(again.statusCode).toBe(409);
  });

  it('a won-back customer that orders again leaves decline at once and counts as won back', async () => {
    await confirmOrder(steady, later(610));
    expect(await relationship('r1', steady)).toMatchObject({
      phase: 'stability',
      decisions: [{ decision: 'win_back', outcome: 'won_back' }],
    });
    const summary = (await p.clients.eastManager.get('/api/v1/relationship/summary')).json();
    expect(summary).toMatchObject({ winBack: 1, wonBack: 1, letGo: 0 });
  });

  it('let go to the pool: the customer loses its owner, the decision is reported', async () => {
    const decided = await p.clients.r2.post(`/api/v1/customers/${lapsed}/decline-decisions`, {
      strategy: 'let_go',
      reason: '客户已转向竞争对手',
      letGoTo: 'pool',
    });
    expect(decided.statusCode, decided.body).toBe(201);
    const owner = await rowsOf<{ ownerId: string | null }>(
      sql`select owner_id as "ownerId" from customers where id = ${lapsed}`,
    );
    expect(owner[0]!.ownerId).toBeNull();
    const summary = (await p.clients.admin.get('/api/v1/relationship/summary')).json();
    expect(summary).toMatchObject({ winBack: 1, wonBack: 1, letGo: 1, pendingDecision: 0 });
  });

  it("counts per phase in the summary equal the customers the list shows for each phase (the reader's scope)", async () => {
    const summary = (await p.clients.r1.get('/api/v1/relationship/summary')).json();
    for (const { phase, count } of summary.phases as { phase: string; count: number }[]) {
      const list = (await p.clients.r1.get(`/api/v1/customers?relationshipPhase=${phase}&limit=200`)).json();
      expect(list.items.length, phase).toBe(count);
    }
    expect(summary.phases.reduce((n: number, x: { count: number }) => n + x.count, 0) + summary.notComputed).toBe(
      p.customers.r1.length,
    );
  });
});

describe('expected repurchase interval', () => {
  it("the customer's own interval recomputes the phase at once, audited; an interval over ten years is refused naming the field", async () => {
    // The burst customer: one occasion 100 days before the computation, formation by the 180-day default.
    const set = await p.clients.r1.put(`/api/v1/customers/${burst}/relationship`, { expectedRepurchaseDays: 30 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ expectedRepurchaseDays: 30, reason: { intervalSource: 'customer' } });
    const audit = await rowsOf<{ n: number }>(
      sql`select count(*)::int as n from audit_log where entity = 'customer_relationship' and entity_id = ${burst}`,
    );
    expect(audit[0]!.n).toBe(1);
    const tooLong = await p.clients.r1.put(`/api/v1/customers/${burst}/relationship`, { expectedRepurchaseDays: 4000 });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields[0]).toMatchObject({ field: 'expectedRepurchaseDays' });
    expect(
      (await p.clients.r2.put(`/api/v1/customers/${burst}/relationship`, { expectedRepurchaseDays: 9 })).statusCode,
    ).toBe(404);
  });

  it('a product category carries its repurchase interval through the API', async () => {
    const created = await p.clients.admin.post('/api/v1/product-categories', { name: '耗材', repurchaseDays: 45 });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ repurchaseDays: 45 });
    const bad = await p.clients.admin.post('/api/v1/product-categories', { name: '配件', repurchaseDays: 4000 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'repurchaseDays' });
  });
});
