import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { usePersonas } from '../../test/file-context.js';
import { DAY_MS } from '../../platform/time/index.js';

const { ctx, p } = usePersonas({ customersEach: 2 });

const ids = (body: { items: { id: string }[] }) => body.items.map((v) => v.id);

describe('check-in', () => {
  it('records the server time and position; with the flag it also logs a visit follow-up', async () => {
    const before = Date.now();
    const response = await p.clients.r1.post('/api/v1/visits', {
      customerId: p.customers.r1[0]!,
      latitude: 31.230416,
      longitude: 121.473701,
      accuracy: 35.4,
      note: '现场演示样品',
      logFollowUp: true,
    });
    expect(response.statusCode, response.body).toBe(201);
    const visit = response.json();
    expect(visit).toMatchObject({
      userId: p.users.r1.id,
      latitude: 31.230416,
      longitude: 121.473701,
      accuracyM: 35,
      note: '现场演示样品',
    });
    expect(new Date(visit.checkedInAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const followUp = (await p.clients.r1.get(`/api/v1/follow-ups/${visit.followUpId}`)).json();
    expect(followUp).toMatchObject({ type: 'visit', customerId: p.customers.r1[0]!, content: '现场演示样品' });
  });

  it('takes a typed address when the browser gives no position; neither, half a position or bad ranges are refused', async () => {
    const customerId = p.customers.r1[1]!;
    const typed = await p.clients.r1.post('/api/v1/visits', { customerId, address: '上海市浦东新区世纪大道100号' });
    expect(typed.statusCode, typed.body).toBe(201);
    expect(typed.json()).toMatchObject({
      latitude: null,
      longitude: null,
      address: '上海市浦东新区世纪大道100号',
      followUpId: null,
    });
    const neither = await p.clients.r1.post('/api/v1/visits', { customerId });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.fields[0].field).toBe('address');
    expect((await p.clients.r1.post('/api/v1/visits', { customerId, latitude: 31.2 })).statusCode).toBe(400);
    const outOfRange = await p.clients.r1.post('/api/v1/visits', { customerId, latitude: 95, longitude: 121 });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().error.fields[0].field).toBe('latitude');
  });

  it('a salesperson cannot check in at another salesperson’s customer (404)', async () => {
    const response = await p.clients.r1.post('/api/v1/visits', { customerId: p.customers.r2[0]!, address: '北京' });
    expect(response.statusCode).toBe(404);
  });

  it('the manager sees the team’s visits of the day, not other teams’; a salesperson sees their own', async () => {
    const r2Visit = (
      await p.clients.r2.post('/api/v1/visits', { customerId: p.customers.r2[0]!, address: '杭州' })
    ).json();
    const r3Visit = (
      await p.clients.r3.post('/api/v1/visits', { customerId: p.customers.r3[0]!, address: '成都' })
    ).json();
    const managerDay = (await p.clients.eastManager.get('/api/v1/visits')).json();
    expect(ids(managerDay)).toContain(r2Visit.id);
    expect(ids(managerDay)).not.toContain(r3Visit.id);
    expect(managerDay.items.some((v: { userId: string }) => v.userId === p.users.r1.id)).toBe(true);
    const onlyR2 = (await p.clients.eastManager.get(`/api/v1/visits?userId=${p.users.r2.id}`)).json();
    expect(ids(onlyR2)).toEqual([r2Visit.id]);
    const r1Own = (await p.clients.r1.get('/api/v1/visits')).json();
    expect(r1Own.items.every((v: { userId: string }) => v.userId === p.users.r1.id)).toBe(true);
    const headDay = (await p.clients.head.get('/api/v1/visits')).json();
    expect(ids(headDay)).toContain(r3Visit.id);
    const yesterday = new Date(Date.now() - DAY_MS).toISOString().slice(0, 10);
    expect(
      (await p.clients.eastManager.get(`/api/v1/visits?date=${yesterday}&userId=${p.users.r2.id}`)).json().items,
    ).toEqual([]);
  });
});

describe('team activity', () => {
  it('counts follow-ups and visits per person per day for the people in scope (team.view)', async () => {
    expect((await p.clients.r1.get('/api/v1/team-activity')).statusCode).toBe(403);
    const response = await p.clients.eastManager.get('/api/v1/team-activity?period=day');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.periods).toHaveLength(7);
    const people = body.rows.map((r: { userId: string }) => r.userId);
    expect(people).toEqual(expect.arrayContaining([p.users.r1.id, p.users.r2.id, p.users.eastManager.id]));
    expect(people).not.toContain(p.users.r3.id);
    const r1 = body.rows.find((r: { userId: string }) => r.userId === p.users.r1.id);
    expect(r1.visits.reduce((a: number, b: number) => a + b, 0)).toBe(2);
    expect(r1.followUps.reduce((a: number, b: number) => a + b, 0)).toBe(1);
    const weekly = (await p.clients.eastManager.get('/api/v1/team-activity?period=week')).json();
    expect(weekly.periods.every((d: string) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    const visitsWeekly = (await p.clients.eastManager.get('/api/v1/visits/weekly')).json();
    expect(visitsWeekly.periods).toHaveLength(8);
    expect(
      (await p.clients.eastManager.get('/api/v1/team-activity?period=day&from=2026-01-01&to=2026-12-31')).statusCode,
    ).toBe(400);
  });

  it('buckets the team’s customers by days without a follow-up, by owner, with a matching customer-list drill-down', async () => {
    const [stale, fresh] = p.customers.r2 as [string, string];
    await ctx.database.db.execute(
      sql`update customers set owned_since = now() - interval '40 days', last_follow_up_at = null where id = ${stale}`,
    );
    await ctx.database.db.execute(
      sql`update customers set owned_since = now() - interval '200 days', last_follow_up_at = now() - interval '10 days' where id = ${fresh}`,
    );
    const body = (await p.clients.eastManager.get('/api/v1/team-activity/neglected')).json();
    expect(body.days).toEqual([7, 15, 30, 90, 180]);
    const r2 = body.rows.find((r: { ownerId: string }) => r.ownerId === p.users.r2.id);
    expect(r2.counts).toEqual([2, 1, 1, 0, 0]);
    expect(body.rows.some((r: { ownerId: string }) => r.ownerId === p.users.r3.id)).toBe(false);
    const drill = (
      await p.clients.eastManager.get(`/api/v1/customers?ownerId=${p.users.r2.id}&noFollowUpDays=30`)
    ).json();
    expect(ids(drill)).toEqual([stale]);
  });
});

describe('check-in without a note', () => {
  it('logs its follow-up with the localized default text and the typed address', async () => {
    const response = await p.clients.r3.post('/api/v1/visits', {
      customerId: p.customers.r3[1]!,
      address: '成都高新区',
      logFollowUp: true,
    });
    expect(response.statusCode, response.body).toBe(201);
    const followUp = (await p.clients.r3.get(`/api/v1/follow-ups/${response.json().followUpId}`)).json();
    expect(followUp).toMatchObject({ type: 'visit', content: '拜访签到 — 成都高新区' });
  });
});
