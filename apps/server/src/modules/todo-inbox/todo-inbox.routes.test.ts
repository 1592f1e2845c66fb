import type { Inbox, InboxSectionKey } from '@guanxi/contract';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.js';
import { customers, ownershipEvents } from '../../platform/db/schema/index.js';
import { actorOfClient } from '../../test/actors.js';
import type { Personas } from '../../test/personas.js';
import { createTodos } from '../notifications/index.js';
import { createWorkReportsService } from '../work-reports/index.js';
import { createTodoInboxService } from './index.js';
import { usePersonas } from '../../test/file-context.js';
import { DAY_MS } from '../../platform/time/index.js';

const { ctx, p } = usePersonas({ customersEach: 6 });
// 2030-01-08 is a Tuesday; 02:00 UTC is 10:00 in Asia/Shanghai.
const NOW = new Date('2030-01-08T02:00:00Z');
const clock = () => NOW;

const setCustomer = (id: string, values: Partial<typeof customers.$inferInsert>) =>
  ctx.database.db.update(customers).set(values).where(eq(customers.id, id));

async function inboxOf(client: keyof Personas['clients']): Promise<Inbox> {
  const service = createTodoInboxService({ db: ctx.database.db, clock });
  return service.get(await actorOfClient(ctx, p.clients[client]), { limit: 5 });
}
const sectionOf = (inbox: Inbox, key: InboxSectionKey) => inbox.sections.find((s) => s.key === key);
const ids = (inbox: Inbox, key: InboxSectionKey) => sectionOf(inbox, key)?.items.map((i) => i.entityId) ?? [];

describe('to-do inbox', () => {
  const c = () => p.customers.r1;

  beforeAll(async () => {
    const [today, overdue, later, assigned, followedUp, reclaim] = c() as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    // Everyone else's ownership started now (real time): by 2030 long past their reclaim.
    await setCustomer(today, { nextContactAt: new Date('2030-01-08T06:00:00Z') });
    await setCustomer(overdue, { nextContactAt: new Date('2030-01-07T06:00:00Z') });
    await setCustomer(later, { nextContactAt: new Date('2030-01-09T06:00:00Z') });
    const event = (customerId: string) => ({
      orgId: p.orgId,
      id: newId(),
      customerId,
      kind: 'assign',
      actorId: p.users.eastManager.id,
      toUserId: p.users.r1.id,
      at: new Date(NOW.getTime() - DAY_MS),
    });
    await ctx.database.db.insert(ownershipEvents).values([event(assigned), event(followedUp)]);
    await setCustomer(followedUp, { lastFollowUpAt: new Date(NOW.getTime() - DAY_MS / 2) });
    // Default pool: reclaimed after 30 days without a follow-up, reminded 2 days before.
    await setCustomer(reclaim, { ownedSince: new Date(NOW.getTime() - 29 * DAY_MS), lastFollowUpAt: null });
    await createTodos(ctx.database.db, {
      orgId: p.orgId,
      userIds: [p.users.r1.id],
      kind: 'customer_stuck',
      entity: 'customer',
      entityId: later,
      dueAt: null,
      dedupeKey: `stuck:${later}`,
      params: { customerName: '停滞客户', stage: 'prospect' },
    });
    // A move to "lost" waits for the manager through the approvals engine.
    const lost = await p.clients.r1.post(`/api/v1/customers/${overdue}/stage-transitions`, {
      to: 'lost',
      reason: '流失',
    });
    expect(lost.statusCode).toBe(202);
    await p.clients.r1.post('/api/v1/tasks', { title: '今天到期', dueAt: '2030-01-08T08:00:00Z' });
    await p.clients.r1.post('/api/v1/tasks', { title: '已过期', dueAt: '2030-01-07T08:00:00Z' });
    await p.clients.r1.post('/api/v1/tasks', { title: '后天', dueAt: '2030-01-10T08:00:00Z' });
  });

  it('customers to contact: overdue before now, today later today (organization time zone)', async () => {
    const inbox = await inboxOf('r1');
    expect(ids(inbox, 'contactToday')).toEqual([c()[0]]);
    expect(ids(inbox, 'contactOverdue')).toEqual([c()[1]]);
    expect(sectionOf(inbox, 'contactToday')).toMatchObject({
      count: 1,
      items: [{ entity: 'customer', at: '2030-01-08T06:00:00.000Z' }],
    });
  });

  it('tasks due today and overdue, soonest first', async () => {
    const tasks = sectionOf(await inboxOf('r1'), 'tasksDue')!;
    expect(tasks.items.map((t) => [t.title, t.params.overdue])).toEqual([
      ['已过期', true],
      ['今天到期', false],
    ]);
  });

  it('records assigned to me in the last 7 days without a follow-up since', async () => {
    expect(ids(await inboxOf('r1'), 'assignedToMe')).toEqual([c()[3]]);
  });

  it('stuck customers, customers about to be reclaimed, and approvals waiting for me', async () => {
    const inbox = await inboxOf('r1');
    expect(ids(inbox, 'stuck')).toEqual([c()[2]]);
    expect(sectionOf(inbox, 'reclaimSoon')).toMatchObject({
      count: 1,
      items: [{ entityId: c()[5], params: { days: 1 } }],
    });
    expect(ids(inbox, 'approvals')).toEqual([]);
    const manager = await inboxOf('eastManager');
    expect(sectionOf(manager, 'approvals')).toMatchObject({
      count: 1,
      items: [
        { entity: 'approval_request', params: { businessType: 'stage_transition', customerId: c()[1], to: 'lost' } },
      ],
    });
  });

  it('a customer item carries the number to call: the primary contact’s mobile, else the customer’s phone', async () => {
    const [today, overdue] = c() as [string, string];
    const contact = await p.clients.r1.post('/api/v1/contacts', {
      customerId: overdue,
      name: '王经理',
      mobile: '13912345678',
      isPrimary: true,
    });
    expect(contact.statusCode, contact.body).toBe(201);
    const task = await p.clients.r1.post('/api/v1/tasks', {
      title: '回访',
      dueAt: '2030-01-08T09:00:00Z',
      relatedType: 'customer',
      relatedId: today,
    });
    expect(task.statusCode, task.body).toBe(201);
    const inbox = await inboxOf('r1');
    const todayItem = sectionOf(inbox, 'contactToday')!.items[0]!;
    expect(todayItem.params).toMatchObject({ tel: expect.stringMatching(/^\+86138/), phone: expect.any(String) });
    expect(sectionOf(inbox, 'contactOverdue')!.items[0]!.params).toMatchObject({
      tel: '+8613912345678',
      phone: '13912345678',
      contactName: '王经理',
    });
    const taskItem = sectionOf(inbox, 'tasksDue')!.items.find((i) => i.title === '回访')!;
    expect(taskItem.params).toMatchObject({ customerId: today, tel: todayItem.params.tel });

    // A role that may not see customers' phones gets no number, on any item.
    const r1 = await actorOfClient(ctx, p.clients.r1);
    const hidden = await createTodoInboxService({ db: ctx.database.db, clock }).get(
      { ...r1, fieldPermissions: { 'customers.phone': 'hidden' } },
      { limit: 5 },
    );
    const items = hidden.sections.flatMap((s) => s.items);
    expect(items.some((i) => 'tel' in i.params || 'phone' in i.params)).toBe(false);
    expect(items.find((i) => i.title === '回访')!.params.customerId).toBe(today);
    await p.clients.r1.delete(`/api/v1/tasks/${task.json().id}`);
  });

  it('reports to write: today’s daily report, and earlier missing ones marked overdue', async () => {
    const write = sectionOf(await inboxOf('r1'), 'reportsToWrite')!;
    const daily = write.items.filter((i) => i.params.kind === 'daily');
    expect(daily.map((i) => [i.params.periodStart, i.params.overdue])).toContainEqual(['2030-01-08', false]);
    expect(daily.map((i) => [i.params.periodStart, i.params.overdue])).toContainEqual(['2030-01-07', true]);
    expect(daily.find((i) => i.params.periodStart === '2030-01-06')).toBeUndefined();
    // A finance user does not write reports.
    expect(sectionOf(await inboxOf('finance'), 'reportsToWrite')).toBeUndefined();
  });

  it('reports and plans to review, for the managers only; a submitted report leaves "to write"', async () => {
    const reports = createWorkReportsService({ db: ctx.database.db, clock: () => new Date(NOW.getTime() + 3_600_000) });
    const r1 = await actorOfClient(ctx, p.clients.r1);
    const draft = await reports.create(r1, { kind: 'daily', period: '2030-01-07', work: '周一工作' });
    await reports.submit(r1, draft.id, draft.version);
    const plan = (
      await p.clients.r1.post('/api/v1/work-plans', {
        kind: 'daily',
        period: '2026-01-05',
        items: [{ customerId: c()[0], kind: 'call' }],
      })
    ).json();
    await p.clients.r1.post(`/api/v1/work-plans/${plan.id}/submit`, { version: plan.version });

    const manager = await inboxOf('eastManager');
    expect(sectionOf(manager, 'reportsToReview')).toMatchObject({
      count: 1,
      items: [{ entity: 'work_report', entityId: draft.id, params: { isLate: true } }],
    });
    expect(ids(manager, 'plansToReview')).toEqual([plan.id]);
    const rep = await inboxOf('r1');
    expect(sectionOf(rep, 'reportsToReview')).toBeUndefined();
    expect(
      rep.sections
        .find((s) => s.key === 'reportsToWrite')!
        .items.some((i) => i.params.periodStart === '2030-01-07' && i.params.kind === 'daily'),
    ).toBe(false);
    expect(ids(await inboxOf('head'), 'reportsToReview')).toContain(draft.id);
  });

  it('GET /todos/inbox answers the sections for the signed-in user; the stored /todos list still works', async () => {
    const response = await p.clients.r1.get('/api/v1/todos/inbox?limit=3');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().sections.map((s: { key: string }) => s.key)).toEqual(
      expect.arrayContaining([
        'contactOverdue',
        'contactToday',
        'tasksDue',
        'assignedToMe',
        'approvals',
        'reclaimSoon',
        'stuck',
        'reportsToWrite',
      ]),
    );
    expect((await p.clients.r1.get('/api/v1/todos/inbox?limit=500')).statusCode).toBe(400);
    expect((await p.clients.r1.get('/api/v1/todos?status=open')).json().items).toHaveLength(1);
  });
});
