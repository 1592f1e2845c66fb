import { describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.js';
import { followUps, visits } from '../../platform/db/schema/index.js';
import { localDateOf } from '../../platform/time/index.js';
import { matchPlanItems } from './index.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 3 });

const fieldsOf = (body: string) => (JSON.parse(body).error.fields ?? []).map((f: { field: string }) => f.field);

describe('plan vs actual matching', () => {
  it('each planned item takes its own matching call or visit with the same customer', () => {
    const item = (id: string, customerId: string, kind: string) => ({
      id,
      customerId,
      customerName: customerId,
      kind,
      purpose: '',
      plannedAt: null,
    });
    const at = new Date('2030-01-07T03:00:00Z');
    const matched = matchPlanItems(
      [item('1', 'a', 'call'), item('2', 'a', 'call'), item('3', 'a', 'visit'), item('4', 'b', 'call')],
      [
        { customerId: 'a', kind: 'call', at },
        { customerId: 'a', kind: 'visit', at },
        { customerId: 'b', kind: 'visit', at },
      ],
    );
    expect(matched.map((m) => m.doneAt !== null)).toEqual([true, false, true, false]);
  });
});

describe('work plans', () => {
  let planId: string;

  it('a salesperson plans visits and calls for the week; customers outside the scope are refused', async () => {
    const [a, b, c] = p.customers.r1;
    const foreign = await p.clients.r1.post('/api/v1/work-plans', {
      kind: 'weekly',
      period: localDateOf(new Date(), 'Asia/Shanghai'),
      items: [
        { customerId: a, kind: 'visit' },
        { customerId: p.customers.r2[0], kind: 'call' },
      ],
    });
    expect(foreign.statusCode).toBe(400);
    expect(fieldsOf(foreign.body)).toEqual(['items.1.customerId']);

    const response = await p.clients.r1.post('/api/v1/work-plans', {
      kind: 'weekly',
      period: localDateOf(new Date(), 'Asia/Shanghai'),
      note: '本周重点：华东三家',
      items: [
        { customerId: a, kind: 'visit', purpose: '演示新品' },
        { customerId: b, kind: 'call', purpose: '确认报价' },
        { customerId: c, kind: 'call', purpose: '回访' },
        { customerId: a, kind: 'call', purpose: '预约' },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    planId = response.json().id;
    expect(response.json()).toMatchObject({ status: 'draft', itemCount: 4, doneCount: 0, completionRate: 0 });
  });

  it('plan vs actual: the author’s check-ins and follow-ups of the plan type in the period mark items done', async () => {
    const [a, b, c] = p.customers.r1;
    const now = new Date();
    const db = ctx.database.db;
    await db.insert(visits).values({
      orgId: p.orgId,
      id: newId(),
      customerId: a!,
      userId: p.users.r1.id,
      checkedInAt: now,
      address: '客户工厂',
    });
    await db.insert(followUps).values([
      {
        orgId: p.orgId,
        id: newId(),
        customerId: b!,
        type: 'call',
        content: '已确认',
        occurredAt: now,
        authorId: p.users.r1.id,
      },
      // A visit is not a call, and a deleted call does not count.
      {
        orgId: p.orgId,
        id: newId(),
        customerId: c!,
        type: 'visit',
        content: '顺路拜访',
        occurredAt: now,
        authorId: p.users.r1.id,
      },
      {
        orgId: p.orgId,
        id: newId(),
        customerId: a!,
        type: 'call',
        content: '删掉的',
        occurredAt: now,
        authorId: p.users.r1.id,
        deletedAt: now,
      },
    ]);
    const plan = (await p.clients.r1.get(`/api/v1/work-plans/${planId}`)).json();
    expect(plan.items.map((i: { done: boolean }) => i.done)).toEqual([true, true, false, false]);
    expect(plan).toMatchObject({ doneCount: 2, completionRate: 0.5 });
  });

  it('submit → the manager comments → the author changes and resubmits → the manager approves', async () => {
    expect((await p.clients.eastManager.get(`/api/v1/work-plans/${planId}`)).statusCode).toBe(404);
    const submitted = await p.clients.r1.post(`/api/v1/work-plans/${planId}/submit`, { version: 1 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const queue = (await p.clients.eastManager.get('/api/v1/work-plans?view=review')).json().items;
    expect(queue.map((q: { id: string }) => q.id)).toEqual([planId]);
    expect((await p.clients.r2.post(`/api/v1/work-plans/${planId}/review`, { decision: 'approve' })).statusCode).toBe(
      403,
    );
    expect(
      (await p.clients.eastManager.post(`/api/v1/work-plans/${planId}/review`, { decision: 'comment' })).statusCode,
    ).toBe(400);
    const commented = await p.clients.eastManager.post(`/api/v1/work-plans/${planId}/review`, {
      decision: 'comment',
      comment: '加一家新客户',
    });
    expect(commented.json()).toMatchObject({ status: 'commented', reviewComment: '加一家新客户' });
    const edited = await p.clients.r1.patch(`/api/v1/work-plans/${planId}`, {
      version: commented.json().version,
      items: [{ customerId: p.customers.r1[0], kind: 'visit' }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    await p.clients.r1.post(`/api/v1/work-plans/${planId}/submit`, { version: edited.json().version });
    const unscored = await p.clients.eastManager.post(`/api/v1/work-plans/${planId}/review`, { decision: 'approve' });
    expect(unscored.statusCode).toBe(400);
    expect(fieldsOf(unscored.body)).toEqual(['score']);
    expect(
      (await p.clients.eastManager.post(`/api/v1/work-plans/${planId}/review`, { decision: 'approve', score: 6 }))
        .statusCode,
    ).toBe(400);
    const approved = await p.clients.eastManager.post(`/api/v1/work-plans/${planId}/review`, {
      decision: 'approve',
      score: 4,
    });
    expect(approved.json()).toMatchObject({
      status: 'approved',
      reviewDecision: 'approve',
      score: 4,
      itemCount: 1,
      doneCount: 1,
      completionRate: 1,
    });
    expect(
      (await p.clients.r1.patch(`/api/v1/work-plans/${planId}`, { version: approved.json().version, note: 'x' }))
        .statusCode,
    ).toBe(409);
    expect((await p.clients.r3.get(`/api/v1/work-plans/${planId}`)).statusCode).toBe(404);
    expect((await p.clients.head.get(`/api/v1/work-plans/${planId}`)).statusCode).toBe(200);
  });

  it('the statistics show each author’s plans and their average score to the reviewers who may see them', async () => {
    const today = localDateOf(new Date(), 'Asia/Shanghai');
    // r1's weekly plan of this week started up to six days ago.
    const from = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    const query = `from=${from}&to=${today}`;
    const daily = await p.clients.r1.post('/api/v1/work-plans', { kind: 'daily', period: today });
    await p.clients.r1.post(`/api/v1/work-plans/${daily.json().id}/submit`, { version: daily.json().version });
    const stats = await p.clients.eastManager.get(`/api/v1/work-plans/stats?${query}`);
    expect(stats.statusCode, stats.body).toBe(200);
    const row = stats.json().rows.find((r: { user: { id: string } }) => r.user.id === p.users.r1.id);
    expect(row).toMatchObject({ submitted: 2, approved: 1, waiting: 1, commented: 0, scored: 1, averageScore: 4 });
    expect(stats.json().team).toMatchObject({ submitted: 2, scored: 1, averageScore: 4 });
    // Another team's salesperson sees only their own plans (none), the head of sales sees r1's.
    expect((await p.clients.r3.get(`/api/v1/work-plans/stats?${query}`)).json().rows).toEqual([]);
    const head = (await p.clients.head.get(`/api/v1/work-plans/stats?${query}`)).json();
    expect(head.rows.map((r: { user: { id: string } }) => r.user.id)).toContain(p.users.r1.id);
    const backwards = await p.clients.eastManager.get(`/api/v1/work-plans/stats?from=${today}&to=${from}`);
    expect(backwards.statusCode).toBe(400);
    expect(fieldsOf(backwards.body)).toEqual(['to']);
  });
});
