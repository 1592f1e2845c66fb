import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.js';
import { queryRows } from '../../platform/db/query.js';
import { createOtherOrgAdmin, type Personas } from '../../test/personas.js';
import { sendTaskReminders } from './index.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 1 });
const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

const fieldsOf = (body: string) => (JSON.parse(body).error.fields ?? []).map((f: { field: string }) => f.field);

describe('tasks: create and validation', () => {
  it('a salesperson creates a task for themselves with a default reminder 30 minutes before the due time', async () => {
    const dueAt = inHours(5);
    const response = await p.clients.r1.post('/api/v1/tasks', {
      title: '  回访报价  ',
      dueAt,
      relatedType: 'customer',
      relatedId: p.customers.r1[0],
    });
    expect(response.statusCode, response.body).toBe(201);
    const task = response.json();
    expect(task).toMatchObject({
      title: '回访报价',
      assigneeId: p.users.r1.id,
      status: 'open',
      isOverdue: false,
      relatedType: 'customer',
      version: 1,
    });
    expect(task.relatedName).toContain('r1客户0号');
    expect(new Date(task.remindAt).getTime()).toBe(new Date(dueAt).getTime() - 30 * 60_000);
  });

  it('a due time in the past is accepted and shows as overdue, without a reminder', async () => {
    const task = (await p.clients.r1.post('/api/v1/tasks', { title: '补记：上周的回电', dueAt: inHours(-3) })).json();
    expect(task).toMatchObject({ isOverdue: true, remindAt: null });
  });

  it('a salesperson cannot assign a task to a colleague: 400 naming assigneeId', async () => {
    const response = await p.clients.r1.post('/api/v1/tasks', { title: 'x', assigneeId: p.users.r2.id });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['assigneeId']);
    const other = await p.clients.eastManager.post('/api/v1/tasks', { title: 'x', assigneeId: p.users.r3.id });
    expect(other.statusCode).toBe(400);
    expect(fieldsOf(other.body)).toEqual(['assigneeId']);
  });

  it('a related record outside the scope, or a reminder after the due time, is rejected', async () => {
    const foreign = await p.clients.r1.post('/api/v1/tasks', {
      title: 'x',
      relatedType: 'customer',
      relatedId: p.customers.r2[0],
    });
    expect(foreign.statusCode).toBe(400);
    expect(fieldsOf(foreign.body)).toEqual(['relatedId']);
    for (const relatedType of ['lead', 'opportunity']) {
      const unknown = await p.clients.r1.post('/api/v1/tasks', { title: 'x', relatedType, relatedId: newId() });
      expect(fieldsOf(unknown.body)).toEqual(['relatedId']);
    }
    const half = await p.clients.r1.post('/api/v1/tasks', { title: 'x', relatedType: 'customer' });
    expect(fieldsOf(half.body)).toEqual(['relatedId']);
    const late = await p.clients.r1.post('/api/v1/tasks', { title: 'x', dueAt: inHours(1), remindAt: inHours(2) });
    expect(fieldsOf(late.body)).toEqual(['remindAt']);
    const unknown = await p.clients.r1.post('/api/v1/tasks', { title: 'x', ownerId: p.users.r1.id });
    expect(unknown.statusCode).toBe(400);
  });
});

describe('tasks: scope', () => {
  let managerTask: string;

  beforeAll(async () => {
    const response = await p.clients.eastManager.post('/api/v1/tasks', {
      title: '拜访重点客户',
      assigneeId: p.users.r2.id,
      dueAt: inHours(30),
    });
    expect(response.statusCode, response.body).toBe(201);
    managerTask = response.json().id;
  });

  it('the assignee, the creator and managers above the assignee see it; other salespeople get 404', async () => {
    expect((await p.clients.r2.get(`/api/v1/tasks/${managerTask}`)).statusCode).toBe(200);
    expect((await p.clients.eastManager.get(`/api/v1/tasks/${managerTask}`)).statusCode).toBe(200);
    expect((await p.clients.head.get(`/api/v1/tasks/${managerTask}`)).statusCode).toBe(200);
    expect((await p.clients.r1.get(`/api/v1/tasks/${managerTask}`)).statusCode).toBe(404);
    expect((await p.clients.r3.get(`/api/v1/tasks/${managerTask}`)).statusCode).toBe(404);
    expect((await p.clients.r1.patch(`/api/v1/tasks/${managerTask}`, { version: 1, title: 'hijack' })).statusCode).toBe(
      404,
    );
    expect((await p.clients.r1.delete(`/api/v1/tasks/${managerTask}`)).statusCode).toBe(404);
    const other = await createOtherOrgAdmin(ctx);
    expect((await other.client.get(`/api/v1/tasks/${managerTask}`)).statusCode).toBe(404);
  });

  it('lists: mine for the assignee, created for the manager, team for everything in scope', async () => {
    const ids = async (client: keyof Personas['clients'], query: string) =>
      (await p.clients[client].get(`/api/v1/tasks?${query}`)).json().items.map((t: { id: string }) => t.id);
    expect(await ids('r2', 'view=mine')).toContain(managerTask);
    expect(await ids('eastManager', 'view=created')).toContain(managerTask);
    expect(await ids('eastManager', 'view=mine')).not.toContain(managerTask);
    expect(await ids('head', 'view=team')).toContain(managerTask);
    expect(await ids('r1', 'view=team')).not.toContain(managerTask);
    expect((await p.clients.r1.get('/api/v1/tasks?sort=title')).statusCode).toBe(400);
  });

  it('the assignee completes it; a stale version answers 409; delete is soft and audited', async () => {
    const done = await p.clients.r2.post(`/api/v1/tasks/${managerTask}/complete`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', isOverdue: false, version: 2 });
    expect((await p.clients.r2.patch(`/api/v1/tasks/${managerTask}`, { version: 1, title: 'y' })).statusCode).toBe(409);
    const reopened = await p.clients.r2.patch(`/api/v1/tasks/${managerTask}`, { version: 2, status: 'open' });
    expect(reopened.json()).toMatchObject({ status: 'open', completedAt: null });
    expect((await p.clients.eastManager.delete(`/api/v1/tasks/${managerTask}`)).statusCode).toBe(204);
    expect((await p.clients.r2.get(`/api/v1/tasks/${managerTask}`)).statusCode).toBe(404);
    const audit = await queryRows<{ action: string }>(
      ctx.database.db,
      sql`select action from audit_log where org_id = ${p.orgId} and entity = 'task' and entity_id = ${managerTask} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'complete', 'update', 'delete']);
  });

  it('the assignee is notified when someone else gives them a task', async () => {
    const bell = (await p.clients.r2.get('/api/v1/notifications')).json().items;
    expect(bell.find((n: { entityId: string }) => n.entityId === managerTask)).toMatchObject({ kind: 'task_assigned' });
  });
});

describe('task reminders', () => {
  it('the job notifies the assignee once when the reminder time has passed, and again only after the time changes', async () => {
    const dueAt = inHours(2);
    const task = (await p.clients.r3.post('/api/v1/tasks', { title: '提醒测试', dueAt })).json();
    const reminders = () =>
      queryRows<{ userId: string }>(
        ctx.database.db,
        sql`select user_id as "userId" from notifications where org_id = ${p.orgId} and kind = 'task_reminder' and entity_id = ${task.id}`,
      );
    await sendTaskReminders(ctx.database.db, new Date(Date.now() + HOUR));
    expect(await reminders()).toEqual([]);
    const later = new Date(new Date(dueAt).getTime() - 10 * 60_000);
    expect((await sendTaskReminders(ctx.database.db, later)).reminded).toBeGreaterThanOrEqual(1);
    await sendTaskReminders(ctx.database.db, later);
    await sendTaskReminders(ctx.database.db, new Date(later.getTime() + HOUR));
    expect(await reminders()).toEqual([{ userId: p.users.r3.id }]);
    expect((await p.clients.r3.get(`/api/v1/tasks/${task.id}`)).json().remindedAt).not.toBeNull();

    const moved = await p.clients.r3.patch(`/api/v1/tasks/${task.id}`, { version: task.version, dueAt: inHours(5) });
    expect(moved.json().remindedAt).toBeNull();
    await sendTaskReminders(ctx.database.db, new Date(Date.now() + 5 * HOUR));
    expect(await reminders()).toHaveLength(2);
  });

  it('done, cancelled and deleted tasks are not reminded', async () => {
    const task = (await p.clients.r3.post('/api/v1/tasks', { title: '已完成', dueAt: inHours(2) })).json();
    await p.clients.r3.post(`/api/v1/tasks/${task.id}/complete`);
    await sendTaskReminders(ctx.database.db, new Date(Date.now() + 3 * HOUR));
    const rows = await queryRows(
      ctx.database.db,
      sql`select 1 from notifications where kind = 'task_reminder' and entity_id = ${task.id}`,
    );
    expect(rows).toEqual([]);
  });
});

describe('task list paging', () => {
  it('pages by due time, tasks without one last, without skipping or repeating a task', async () => {
    const create = async (dueAt: string | null) =>
      (
        await p.clients.r2.post('/api/v1/tasks', {
          title: '分页',
          dueAt,
          relatedType: 'customer',
          relatedId: p.customers.r2[0],
        })
      ).json().id as string;
    const late = await create(inHours(30));
    const undated = [await create(null), await create(null)];
    const soon = await create(inHours(20));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `relatedType=customer&relatedId=${p.customers.r2[0]}&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await p.clients.r2.get(`/api/v1/tasks?${query}`)
      ).json();
      seen.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor !== null && seen.length < 10);
    expect(seen).toEqual([soon, late, ...undated]);
  });
});
