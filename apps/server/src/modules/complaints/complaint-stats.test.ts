import { beforeAll, describe, expect, it } from 'vitest';
import { actorOfClient } from '../../test/actors.js';
import { usePersonas } from '../../test/file-context.js';
import type { Client } from '../../test/test-app.js';
import { createComplaintStatsService } from './complaint-stats.js';
import { createComplaintsService } from './complaints.service.js';

const { ctx, p } = usePersonas({ customersEach: 1 });
// Shanghai wall clock (UTC+8) as an instant.
const sh = (local: string) => new Date(`${local}+08:00`);

let cs: Client;

/**
 * March 2031, Monday the 3rd, 10:00 (first response due 14:00, working hours 09–18):
 * A is answered at 10:30 and resolved the next day at 10:00 (both on time), B is answered Tuesday
 * 15:00 (late) and not resolved, C (another salesperson's customer) is untouched; D is opened in April.
 */
beforeAll(async () => {
  const db = ctx.database.db;
  const user = await ctx.createUser({ orgId: p.orgId, roleIds: [p.roleIds.customer_service!] });
  cs = await ctx.login(user);
  const actor = await actorOfClient(ctx, cs);
  let now = sh('2031-03-03T10:00:00');
  const service = createComplaintsService({ db, clock: () => now });
  const open = async (customerId: string, subject: string) =>
    (await service.create(actor, { customerId, subject, description: subject, channel: 'phone', handlerId: user.id }))
      .complaint.id;
  const a = await open(p.customers.r1[0]!, 'A');
  const b = await open(p.customers.r1[0]!, 'B');
  await open(p.customers.r2[0]!, 'C');
  now = sh('2031-03-03T10:30:00');
  await service.start(actor, a);
  now = sh('2031-03-04T10:00:00');
  await service.resolve(actor, a, { rootCause: '批次问题', solution: '换货' });
  await service.close(actor, a);
  now = sh('2031-03-04T15:00:00');
  await service.start(actor, b);
  now = sh('2031-04-10T10:00:00');
  await open(p.customers.r1[0]!, 'D');
});

describe('complaints: the service figures', () => {
  it('counts handling and on-time rates and mean times of the period as worked out by hand', async () => {
    const stats = createComplaintStatsService({ db: ctx.database.db, clock: () => sh('2031-05-01T12:00:00') });
    const figures = await stats.stats(await actorOfClient(ctx, cs), { from: '2031-03-01', to: '2031-03-31' });
    expect(figures).toMatchObject({
      opened: 3,
      handled: 1,
      responded: 2,
      respondedOnTime: 1,
      resolved: 1,
      resolvedOnTime: 1,
      onTimeResponseRate: 0.5,
      onTimeResolutionRate: 1,
      // (30 min + 29 h) / 2, and 24 h.
      meanFirstResponseMinutes: 885,
      meanResolutionMinutes: 1440,
      // B, C and D are open and past their resolution time on May 1st.
      overdueOpen: 3,
      byCategory: [{ categoryId: null, nameZh: null, nameEn: null, count: 3 }],
    });
    expect(figures.handlingRate).toBeCloseTo(1 / 3);
  });

  it("a salesperson's figures are their customers' complaints only; a reversed period is a 400 naming `to`", async () => {
    const own = await p.clients.r2.get('/api/v1/complaints/stats?from=2031-03-01&to=2031-03-31');
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({
      opened: 1,
      handled: 0,
      handlingRate: 0,
      responded: 0,
      onTimeResponseRate: null,
    });
    const reversed = await cs.get('/api/v1/complaints/stats?from=2031-03-31&to=2031-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['to']);
    // Without a period: the last 30 days, which hold none of these.
    expect((await cs.get('/api/v1/complaints/stats')).json().opened).toBe(0);
  });
});
