import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.js';
import { followUps, orders, payments, stageTransitions, visits } from '../../platform/db/schema/index.js';
import { actorOfClient } from '../../test/actors.js';
import type { Client } from '../../test/test-app.js';
import { createReportStatsService, createWorkReportsService } from './index.js';
import { localDateOf } from '../../platform/time/index.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 1 });
let westManager: Client;

beforeAll(async () => {
  westManager = await ctx.login(
    await ctx.createUser({ orgId: p.orgId, roleIds: [p.roleIds.sales_manager!], departmentId: p.departments.west }),
  );
});

const today = () => localDateOf(new Date(), 'Asia/Shanghai');
const fieldsOf = (body: string) => (JSON.parse(body).error.fields ?? []).map((f: { field: string }) => f.field);

describe('writing and submitting a daily report', () => {
  let reportId: string;

  it('the counts of the period are taken at submit time: new customers, follow-ups, visits, stage moves, orders, payments', async () => {
    const preview = (await p.clients.r1.get(`/api/v1/work-reports/counts?kind=daily&period=${today()}`)).json();
    expect(preview).toMatchObject({ kind: 'daily', reportId: null });
    const before = preview.counts;

    const created = await p.clients.r1.post('/api/v1/customers', { kind: 'company', name: '日报计数测试有限公司' });
    const customerId = created.json().id as string;
    const db = ctx.database.db;
    const now = new Date();
    const followUp = (deleted: boolean) => ({
      orgId: p.orgId,
      id: newId(),
      customerId,
      type: 'call',
      content: '电话沟通',
      occurredAt: now,
      authorId: p.users.r1.id,
      deletedAt: deleted ? now : null,
    });
    await db.insert(followUps).values([followUp(false), followUp(false), followUp(true)]);
    await db
      .insert(visits)
      .values({ orgId: p.orgId, id: newId(), customerId, userId: p.users.r1.id, checkedInAt: now, address: '上海' });
    await db.insert(stageTransitions).values({
      orgId: p.orgId,
      id: newId(),
      customerId,
      fromStage: 'prospect',
      toStage: 'interested',
      at: now,
      actorId: p.users.r1.id,
    });

    // Orders: two of mine submitted today count; a draft, a cancelled one and a colleague's do not.
    const order = (ownerId: string, status: string) => ({
      orgId: p.orgId,
      id: newId(),
      orderNo: `WR-${newId().slice(-12)}`,
      customerId,
      ownerId,
      status,
      orderDate: today(),
      totalFen: 100_000,
      createdBy: ownerId,
      submittedAt: status === 'draft' ? null : now,
    });
    const mine = [order(p.users.r1.id, 'confirmed'), order(p.users.r1.id, 'submitted')];
    await db
      .insert(orders)
      .values([
        ...mine,
        order(p.users.r1.id, 'draft'),
        order(p.users.r1.id, 'cancelled'),
        order(p.users.r2.id, 'confirmed'),
      ]);
    // Payments on my orders received today count; a voided one and yesterday's do not.
    const payment = (receivedOn: string, voided: boolean) => ({
      orgId: p.orgId,
      id: newId(),
      orderId: mine[0]!.id,
      customerId,
      amountFen: 10_000,
      method: 'bank_transfer',
      receivedOn,
      recordedBy: p.users.r1.id,
      voidedAt: voided ? now : null,
    });
    const yesterday = localDateOf(new Date(Date.now() - 86_400_000), 'Asia/Shanghai');
    await db.insert(payments).values([payment(today(), false), payment(today(), true), payment(yesterday, false)]);

    const draft = await p.clients.r1.post('/api/v1/work-reports', {
      kind: 'daily',
      period: today(),
      work: '拜访两家客户',
      plan: '明天跟进报价',
      problems: '',
    });
    expect(draft.statusCode, draft.body).toBe(201);
    reportId = draft.json().id;
    expect(draft.json()).toMatchObject({
      status: 'draft',
      recipients: [{ id: p.users.eastManager.id }],
      isLate: false,
    });

    const submitted = await p.clients.r1.post(`/api/v1/work-reports/${reportId}/submit`, { version: 1 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({
      status: 'submitted',
      isLate: false,
      counts: {
        newCustomers: before.newCustomers + 1,
        followUps: before.followUps + 2,
        visits: before.visits + 1,
        stageMoves: before.stageMoves + 1,
        orders: before.orders + 2,
        payments: before.payments + 1,
      },
    });
    // Stored: later activity does not change a submitted report.
    await db.insert(followUps).values(followUp(false));
    expect((await p.clients.r1.get(`/api/v1/work-reports/${reportId}`)).json().counts.followUps).toBe(
      before.followUps + 2,
    );
  });

  it('one report per period; a future period is refused; a submitted report is locked', async () => {
    const again = await p.clients.r1.post('/api/v1/work-reports', { kind: 'daily', period: today() });
    expect(again.statusCode).toBe(409);
    const future = await p.clients.r1.post('/api/v1/work-reports', { kind: 'daily', period: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(fieldsOf(future.body)).toEqual(['period']);
    expect((await p.clients.r1.patch(`/api/v1/work-reports/${reportId}`, { version: 2, work: 'x' })).statusCode).toBe(
      409,
    );
  });

  it('the direct manager got a notification and sees it in the review queue', async () => {
    const bell = (await p.clients.eastManager.get('/api/v1/notifications')).json().items;
    expect(bell.find((n: { entityId: string }) => n.entityId === reportId)).toMatchObject({
      kind: 'work_report_submitted',
    });
    const queue = (await p.clients.eastManager.get('/api/v1/work-reports?view=review')).json().items;
    expect(queue.map((r: { id: string }) => r.id)).toContain(reportId);
    expect(queue.find((r: { id: string }) => r.id === reportId).canReview).toBe(true);
  });

  it('only the direct manager or a reviewer whose scope covers the author may review; score 1–5', async () => {
    expect((await p.clients.r2.post(`/api/v1/work-reports/${reportId}/review`, { score: 3 })).statusCode).toBe(403);
    expect((await westManager.post(`/api/v1/work-reports/${reportId}/review`, { score: 3 })).statusCode).toBe(404);
    expect((await westManager.get(`/api/v1/work-reports/${reportId}`)).statusCode).toBe(404);
    const tooHigh = await p.clients.eastManager.post(`/api/v1/work-reports/${reportId}/review`, { score: 6 });
    expect(tooHigh.statusCode).toBe(400);
    expect(fieldsOf(tooHigh.body)).toEqual(['score']);
    expect((await p.clients.eastManager.post(`/api/v1/work-reports/${reportId}/review`, { score: 0 })).statusCode).toBe(
      400,
    );

    const reviewed = await p.clients.eastManager.post(`/api/v1/work-reports/${reportId}/review`, {
      score: 4,
      comment: '不错，继续保持',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({
      status: 'reviewed',
      score: 4,
      reviewComment: '不错，继续保持',
      reviewer: { id: p.users.eastManager.id },
    });
    // The head of sales reviews by scope (department tree) and may change the score.
    expect((await p.clients.head.post(`/api/v1/work-reports/${reportId}/review`, { score: 5 })).statusCode).toBe(200);
    const mine = (await p.clients.r1.get(`/api/v1/work-reports/${reportId}`)).json();
    expect(mine).toMatchObject({ score: 5, canReview: false });
    expect(
      (await p.clients.r1.get('/api/v1/notifications'))
        .json()
        .items.some((n: { kind: string }) => n.kind === 'work_report_reviewed'),
    ).toBe(true);
  });

  it('a recipient outside the scope reads the report but may not review it; drafts stay private', async () => {
    const draft = await p.clients.r2.post('/api/v1/work-reports', {
      kind: 'weekly',
      period: today(),
      recipientIds: [westManager.user.id],
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id;
    expect((await p.clients.eastManager.get(`/api/v1/work-reports/${id}`)).statusCode).toBe(404);
    await p.clients.r2.post(`/api/v1/work-reports/${id}/submit`, { version: 1 });
    const received = (await westManager.get('/api/v1/work-reports?view=received')).json().items;
    expect(received.find((r: { id: string }) => r.id === id)).toMatchObject({ canReview: false });
    expect((await westManager.post(`/api/v1/work-reports/${id}/review`, { score: 2 })).statusCode).toBe(403);
    const unknownRecipient = await p.clients.r2.post('/api/v1/work-reports', {
      kind: 'monthly',
      period: today(),
      recipientIds: [newId()],
    });
    expect(fieldsOf(unknownRecipient.body)).toEqual(['recipientIds']);
  });
});

describe('late flag and statistics (fixed clock)', () => {
  // 2030-01-07 is a Monday; daily reports are due 10:00 (02:00 UTC) the next workday.
  const at = (value: string) => () => new Date(value);

  it('a report submitted after its due time is late; before it, on time', async () => {
    const r1 = await actorOfClient(ctx, p.clients.r1);
    const lateService = createWorkReportsService({ db: ctx.database.db, clock: at('2030-01-08T03:00:00Z') });
    const monday = await lateService.create(r1, { kind: 'daily', period: '2030-01-07', work: '周一' });
    expect((await lateService.submit(r1, monday.id, monday.version)).isLate).toBe(true);
    const onTime = createWorkReportsService({ db: ctx.database.db, clock: at('2030-01-09T01:59:00Z') });
    const tuesday = await onTime.create(r1, { kind: 'daily', period: '2030-01-08', work: '周二' });
    const submitted = await onTime.submit(r1, tuesday.id, tuesday.version);
    expect(submitted).toMatchObject({ isLate: false, dueAt: '2030-01-09T02:00:00.000Z' });
    const manager = await actorOfClient(ctx, p.clients.eastManager);
    await onTime.review(manager, monday.id, { score: 3 });
  });

  it('counts submitted, late, missing, reviewed and unreviewed per person and for the team', async () => {
    const stats = createReportStatsService({ db: ctx.database.db, clock: at('2030-01-15T12:00:00Z') });
    const manager = await actorOfClient(ctx, p.clients.eastManager);
    const result = await stats.stats(manager, { kind: 'daily', from: '2030-01-07', to: '2030-01-13' });
    const byUser = new Map(result.rows.map((row) => [row.user.id, row]));
    expect(byUser.get(p.users.r1.id)).toMatchObject({
      expected: 5,
      submitted: 2,
      late: 1,
      missing: 3,
      reviewed: 1,
      unreviewed: 1,
      averageScore: 3,
    });
    expect(byUser.get(p.users.r2.id)).toMatchObject({ submitted: 0, missing: 5, averageScore: null });
    expect(byUser.get(p.users.eastManager.id)).toMatchObject({ missing: 5 });
    expect(byUser.has(p.users.r3.id)).toBe(false);
    expect(result.team).toMatchObject({ submitted: 2, late: 1, missing: 13, reviewed: 1 });

    // Before the due times have passed nothing is missing yet.
    const early = createReportStatsService({ db: ctx.database.db, clock: at('2030-01-07T12:00:00Z') });
    expect((await early.stats(manager, { kind: 'daily', from: '2030-01-07', to: '2030-01-13' })).team.missing).toBe(0);

    const own = await stats.stats(await actorOfClient(ctx, p.clients.r1), {
      kind: 'daily',
      from: '2030-01-07',
      to: '2030-01-13',
    });
    expect(own.rows.map((row) => row.user.id)).toEqual([p.users.r1.id]);
  });

  it('the stats API validates its range', async () => {
    expect(
      (await p.clients.eastManager.get('/api/v1/work-reports/stats?kind=daily&from=2030-01-07&to=2030-01-13'))
        .statusCode,
    ).toBe(200);
    expect(
      (await p.clients.eastManager.get('/api/v1/work-reports/stats?kind=daily&from=2030-01-13&to=2030-01-07'))
        .statusCode,
    ).toBe(400);
    expect(
      (await p.clients.eastManager.get('/api/v1/work-reports/stats?kind=daily&from=2030-01-01&to=2032-01-07'))
        .statusCode,
    ).toBe(400);
  });
});

describe('report settings', () => {
  it('administrators change the due rules and who must submit; others may only read them', async () => {
    const current = (await p.clients.r1.get('/api/v1/work-reports/settings')).json();
    expect(current).toMatchObject({
      dailyDueTime: '10:00',
      monthlyDueDay: 3,
      workdays: [1, 2, 3, 4, 5],
      requiredRoleCodes: ['salesperson', 'sales_manager'],
    });
    expect((await p.clients.r1.put('/api/v1/work-reports/settings', current)).statusCode).toBe(403);
    const changed = {
      ...current,
      dailyDueTime: '09:00',
      requiredRoleCodes: ['salesperson'],
      requiredDepartmentIds: [p.departments.east],
    };
    const saved = await p.clients.admin.put('/api/v1/work-reports/settings', changed);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ dailyDueTime: '09:00', requiredDepartmentIds: [p.departments.east] });
    const bad = await p.clients.admin.put('/api/v1/work-reports/settings', {
      ...changed,
      requiredDepartmentIds: [newId()],
    });
    expect(bad.statusCode).toBe(400);
    const badTime = await p.clients.admin.put('/api/v1/work-reports/settings', { ...changed, dailyDueTime: '25:00' });
    expect(badTime.statusCode).toBe(400);
  });
});

describe('report list paging', () => {
  it('pages newest period first without skipping or repeating a report', async () => {
    const mondays = ['2024-03-04', '2024-03-11', '2024-03-18'];
    for (const period of mondays) {
      expect((await westManager.post('/api/v1/work-reports', { kind: 'weekly', period })).statusCode).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `view=mine&kind=weekly&from=2024-03-01&to=2024-03-31&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { items: { periodStart: string }[]; nextCursor: string | null } = (
        await westManager.get(`/api/v1/work-reports?${query}`)
      ).json();
      seen.push(...page.items.map((r) => r.periodStart));
      cursor = page.nextCursor;
    } while (cursor !== null && seen.length < 10);
    expect(seen).toEqual([...mondays].reverse());
  });
});
