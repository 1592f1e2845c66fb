import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { actorOfClient } from '../../test/actors.js';
import { usePersonas } from '../../test/file-context.js';
import type { Client } from '../../test/test-app.js';
import { checkComplaintSla } from './index.js';
import { createComplaintsService } from './complaints.service.js';

const { ctx, p } = usePersonas({ customersEach: 2 });
const fieldsOf = (body: string) => (JSON.parse(body).error.fields ?? []).map((f: { field: string }) => f.field);
// Shanghai wall clock (UTC+8) as an instant.
const sh = (local: string) => new Date(`${local}+08:00`);

let cs: Client;
let csId: string;
let csManagerId: string;

beforeAll(async () => {
  // Customer service (客服, scope all) reporting to the east manager, who gets the escalations.
  csManagerId = p.users.eastManager.id;
  const user = await ctx.createUser({
    orgId: p.orgId,
    roleIds: [p.roleIds.customer_service!],
    departmentId: p.departments.office,
    managerId: csManagerId,
  });
  csId = user.id;
  cs = await ctx.login(user);
});

const noticesOf = (complaintId: string, kind: string) =>
  queryRows<{ userId: string }>(
    ctx.database.db,
    sql`select user_id as "userId" from notifications where org_id = ${p.orgId} and kind = ${kind} and entity_id = ${complaintId}
        order by user_id`,
  );

// First, so that the job's clock in 2030 sees only this file's SLA tickets.
describe('complaints: SLA in business hours', () => {
  it('a complaint opened Friday 17:00 is due Monday 12:00; warned, breached and escalated once; resolution too', async () => {
    const db = ctx.database.db;
    let now = sh('2030-09-20T17:00:00');
    const service = createComplaintsService({ db, clock: () => now });
    const actor = await actorOfClient(ctx, cs);
    const { complaint } = await service.create(actor, {
      customerId: p.customers.r1[1]!,
      subject: '发票开错',
      description: '抬头错误',
      channel: 'email',
      handlerId: csId,
    });
    expect(complaint.firstResponseDueAt).toBe(sh('2030-09-23T12:00:00').toISOString());
    // 72 business hours = 8 working days of 9 h: Friday's last hour, then 8 days to Wednesday 2030-10-02 17:00.
    expect(complaint.resolutionDueAt).toBe(sh('2030-10-02T17:00:00').toISOString());
    expect(complaint.businessMinutesLeft).toBe(240);

    // The weekend counts nothing: Sunday evening still 180 minutes left.
    now = sh('2030-09-22T20:00:00');
    expect((await service.get(actor, complaint.id)).complaint.businessMinutesLeft).toBe(180);
    expect(await checkComplaintSla(db, now, p.orgId)).toEqual({ warned: 0, breached: 0 });

    // 80 % of 240 minutes: Monday 11:12.
    now = sh('2030-09-23T11:30:00');
    expect(await checkComplaintSla(db, now, p.orgId)).toEqual({ warned: 1, breached: 0 });
    expect(await noticesOf(complaint.id, 'complaint_sla_warning')).toEqual([{ userId: csId }]);

    now = sh('2030-09-23T12:01:00');
    expect(await checkComplaintSla(db, now, p.orgId)).toEqual({ warned: 0, breached: 1 });
    expect(await checkComplaintSla(db, now, p.orgId)).toEqual({ warned: 0, breached: 0 });
    const escalated = (await noticesOf(complaint.id, 'complaint_sla_breached')).map((n) => n.userId).sort();
    expect(escalated).toEqual([csId, csManagerId].sort());
    const breached = (await service.get(actor, complaint.id)).complaint;
    expect(breached).toMatchObject({ firstResponseBreached: true, businessMinutesLeft: -1 });
    const overdue = (await service.list(actor, { overdue: true })).items;
    expect(overdue.map((c) => c.id)).toEqual([complaint.id]);

    // The reply stops the first-response clock; the resolution deadline still runs and breaches.
    await service.comment(actor, complaint.id, { kind: 'reply', text: '已收到' });
    now = sh('2030-10-03T09:00:00');
    expect(await checkComplaintSla(db, now, p.orgId)).toEqual({ warned: 0, breached: 1 });
    expect((await service.get(actor, complaint.id)).complaint.resolutionBreached).toBe(true);
    const escalations = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where entity_id = ${complaint.id} and action = 'escalate'`,
    );
    expect(escalations[0]!.n).toBe(2);

    // Resolved: nothing left for the job; reopened: a new resolution clock from the reopening.
    await service.resolve(actor, complaint.id, { rootCause: '模板错误', solution: '重开发票' });
    now = sh('2030-10-04T10:00:00');
    const reopened = (await service.reopen(actor, complaint.id, { reason: '仍未收到' })).complaint;
    expect(reopened).toMatchObject({ resolutionBreached: false, state: 'in_progress' });
    expect(reopened.resolutionDueAt).toBe(sh('2030-10-16T10:00:00').toISOString());
  });

  it('the working calendar is editable: a holiday moves the deadline; a bad calendar is a 400 naming the field', async () => {
    const settings = (await cs.get('/api/v1/service-settings')).json();
    expect(settings.sla.normal).toEqual({ firstResponseMinutes: 240, resolutionMinutes: 4320 });
    expect((await cs.put('/api/v1/service-settings', settings)).statusCode).toBe(403);
    const bad = await p.clients.admin.put('/api/v1/service-settings', {
      ...settings,
      calendar: { ...settings.calendar, workEnd: '08:00' },
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['calendar.workEnd']);
    const saved = await p.clients.admin.put('/api/v1/service-settings', {
      ...settings,
      calendar: { ...settings.calendar, holidays: ['2030-11-04'] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const now = sh('2030-11-01T17:00:00'); // Friday; Monday 11-04 is now a holiday
    const service = createComplaintsService({ db: ctx.database.db, clock: () => now });
    const { complaint } = await service.create(await actorOfClient(ctx, cs), {
      customerId: p.customers.r1[1]!,
      subject: '节假日测试',
      description: 'd',
      channel: 'phone',
    });
    expect(complaint.firstResponseDueAt).toBe(sh('2030-11-05T12:00:00').toISOString());
  });

  it('assignment rules pick the handler: the customer owner for a category, else a named user', async () => {
    const settings = (await p.clients.admin.get('/api/v1/service-settings')).json();
    const categories = (await p.clients.admin.get('/api/v1/complaint-categories')).json().items;
    await p.clients.admin.put('/api/v1/service-settings', {
      ...settings,
      assignmentRules: [
        { categoryId: categories[3].id, assignTo: 'owner' },
        { assignTo: 'user', userId: csId },
      ],
    });
    const base = { customerId: p.customers.r1[1]!, subject: 's', description: 'd', channel: 'phone' };
    const price = (await cs.post('/api/v1/complaints', { ...base, categoryId: categories[3].id })).json().complaint;
    expect(price).toMatchObject({ handlerId: p.users.r1.id, state: 'assigned' });
    const other = (await cs.post('/api/v1/complaints', base)).json().complaint;
    expect(other.handlerId).toBe(csId);
    await p.clients.admin.put('/api/v1/service-settings', { ...settings, assignmentRules: [] });
  });
});

describe('complaints: create, scope and validation', () => {
  let r1Complaint: string;

  it('a salesperson opens a complaint for their own customer; the default categories are there', async () => {
    const categories = (await p.clients.r1.get('/api/v1/complaint-categories')).json().items;
    expect(categories.map((c: { nameZh: string }) => c.nameZh)).toEqual([
      '产品质量',
      '物流配送',
      '服务态度',
      '价格',
      '其他',
    ]);
    const response = await p.clients.r1.post('/api/v1/complaints', {
      customerId: p.customers.r1[0],
      subject: '  外箱破损  ',
      description: '三箱外包装破损',
      channel: 'hotline',
      categoryId: categories[1].id,
    });
    expect(response.statusCode, response.body).toBe(201);
    const { complaint } = response.json();
    expect(complaint).toMatchObject({
      subject: '外箱破损',
      state: 'new',
      severity: 'normal',
      handlerId: null,
      isRepeat: false,
      categoryNameZh: '物流配送',
      runningClock: 'first_response',
    });
    r1Complaint = complaint.id;
    const second = (
      await p.clients.r1.post('/api/v1/complaints', {
        customerId: p.customers.r1[0],
        subject: '又坏了',
        description: '再次破损',
        channel: 'phone',
      })
    ).json();
    expect(second.complaint.isRepeat).toBe(true);
  });

  it("another salesperson's customer is out of reach: 400 on create, 404 on read; the manager sees it", async () => {
    const create = await p.clients.r2.post('/api/v1/complaints', {
      customerId: p.customers.r1[0],
      subject: 'x',
      description: 'y',
      channel: 'phone',
    });
    expect(create.statusCode).toBe(400);
    expect(fieldsOf(create.body)).toEqual(['customerId']);
    expect((await p.clients.r2.get(`/api/v1/complaints/${r1Complaint}`)).statusCode).toBe(404);
    expect((await p.clients.r3.get(`/api/v1/complaints/${r1Complaint}`)).statusCode).toBe(404);
    expect((await p.clients.eastManager.get(`/api/v1/complaints/${r1Complaint}`)).statusCode).toBe(200);
    const r2List = (await p.clients.r2.get('/api/v1/complaints')).json().items;
    expect(r2List.map((c: { id: string }) => c.id)).not.toContain(r1Complaint);
    // A salesperson may not work tickets, and an outsider's handle attempt is a 404, not a change.
    expect((await p.clients.r1.post(`/api/v1/complaints/${r1Complaint}/start`)).statusCode).toBe(403);
    expect((await p.clients.warehouse.get('/api/v1/complaints')).statusCode).toBe(403);
  });

  it('bad input answers 400 naming the field', async () => {
    const base = { customerId: p.customers.r1[0], subject: 's', description: 'd', channel: 'phone' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, subject: '' }, 'subject'],
      [{ ...base, severity: 'critical' }, 'severity'],
      [{ ...base, channel: 'fax' }, 'channel'],
      [{ ...base, contactId: p.customers.r1[1] }, 'contactId'],
      [{ ...base, orderId: p.customers.r1[1] }, 'orderId'],
      [{ ...base, categoryId: p.customers.r1[1] }, 'categoryId'],
      [{ ...base, handlerId: p.users.r2.id }, 'handlerId'],
    ];
    for (const [body, field] of cases) {
      const response = await p.clients.r1.post('/api/v1/complaints', body);
      expect(response.statusCode, field).toBe(400);
      expect(fieldsOf(response.body), field).toEqual([field]);
    }
  });

  it('a photo is attached to a ticket, listed on it and downloaded within scope only', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const uploaded = await p.clients.r1.upload(`/api/v1/complaints/${r1Complaint}/attachments`, {
      fileName: '破损照片.png',
      bytes: png,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const file = uploaded.json();
    const detail = (await p.clients.eastManager.get(`/api/v1/complaints/${r1Complaint}`)).json();
    expect(detail.attachments).toMatchObject([{ id: file.id, fileName: '破损照片.png' }]);
    const url = `/api/v1/complaints/${r1Complaint}/attachments/${file.id}`;
    expect((await p.clients.eastManager.get(url)).statusCode).toBe(200);
    expect((await p.clients.r2.get(url)).statusCode).toBe(404);
    const foreign = await p.clients.r2.upload(`/api/v1/complaints/${r1Complaint}/attachments`, {
      fileName: 'x.png',
      bytes: png,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('the owner is told when customer service opens a complaint about their customer', async () => {
    const { complaint } = (
      await cs.post('/api/v1/complaints', {
        customerId: p.customers.r2[0],
        subject: '服务态度差',
        description: '电话里态度生硬',
        channel: 'wechat',
        handlerId: csId,
      })
    ).json();
    expect(complaint).toMatchObject({ state: 'assigned', handlerId: csId });
    expect(await noticesOf(complaint.id, 'complaint_opened')).toEqual([{ userId: p.users.r2.id }]);
    // The owner sees it on the customer page's list.
    const mine = (await p.clients.r2.get(`/api/v1/complaints?customerId=${p.customers.r2[0]}`)).json().items;
    expect(mine.map((c: { id: string }) => c.id)).toContain(complaint.id);
  });
});

describe('complaints: handling from start to reopen', () => {
  it('assign, start, reply, note, resolve (root cause and solution required), close, reopen', async () => {
    const { complaint } = (
      await cs.post('/api/v1/complaints', {
        customerId: p.customers.r3[0],
        subject: '设备异响',
        description: '安装两周后异响',
        channel: 'phone',
        severity: 'high',
      })
    ).json();
    const id = complaint.id;
    const assigned = await cs.post(`/api/v1/complaints/${id}/assign`, { handlerId: csId });
    expect(assigned.json().complaint.state).toBe('assigned');
    const started = (await cs.post(`/api/v1/complaints/${id}/start`)).json().complaint;
    expect(started.state).toBe('in_progress');
    expect(started.firstRespondedAt).not.toBeNull();
    expect(started.runningClock).toBe('resolution');
    await cs.post(`/api/v1/complaints/${id}/comments`, { kind: 'reply', text: '已安排上门' });
    const noted = (await cs.post(`/api/v1/complaints/${id}/comments`, { kind: 'note', text: '备件缺货' })).json();
    expect(noted.comments.map((c: { kind: string }) => c.kind)).toEqual(['reply', 'note']);
    const missing = await cs.post(`/api/v1/complaints/${id}/resolve`, { rootCause: '轴承磨损' });
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing.body)).toEqual(['solution']);
    expect((await cs.post(`/api/v1/complaints/${id}/close`)).statusCode).toBe(422);
    const resolved = (
      await cs.post(`/api/v1/complaints/${id}/resolve`, { rootCause: '轴承磨损', solution: '更换轴承' })
    ).json().complaint;
    expect(resolved).toMatchObject({
      state: 'resolved',
      rootCause: '轴承磨损',
      solution: '更换轴承',
      runningClock: null,
    });
    expect(await noticesOf(id, 'complaint_resolved')).toEqual([{ userId: p.users.r3.id }]);
    expect((await cs.post(`/api/v1/complaints/${id}/close`)).json().complaint.state).toBe('closed');
    const reopened = (await cs.post(`/api/v1/complaints/${id}/reopen`, { reason: '客户反映仍有异响' })).json();
    expect(reopened.complaint).toMatchObject({
      state: 'in_progress',
      reopenCount: 1,
      resolvedAt: null,
      closedAt: null,
    });
    expect(reopened.comments.at(-1)).toMatchObject({ kind: 'note', text: '客户反映仍有异响' });
    const audit = await queryRows<{ action: string }>(
      ctx.database.db,
      sql`select action from audit_log where org_id = ${p.orgId} and entity = 'complaint' and entity_id = ${id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'create',
      'assign',
      'start',
      'update',
      'update',
      'resolve',
      'close',
      'reopen',
    ]);
  });
});
