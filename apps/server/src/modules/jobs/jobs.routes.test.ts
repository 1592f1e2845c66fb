import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { createOtherOrgAdmin } from '../../test/personas.js';
import { ageOwnership, createCustomer, ownerOf } from '../../test/customer-ownership.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 0 });

describe('jobs admin API', () => {
  it('lists the schedules of every registered job for the organization', async () => {
    const response = await p.clients.admin.get('/api/v1/jobs');
    expect(response.statusCode).toBe(200);
    const byName = Object.fromEntries(response.json().items.map((j: { name: string }) => [j.name, j]));
    expect(byName['pools.reclaim']).toMatchObject({
      scope: 'organization',
      schedule: { kind: 'daily', at: '02:00' },
      timeZone: 'Asia/Shanghai',
      lastRunAt: null,
      running: false,
    });
    expect(byName['pools.reminders']).toMatchObject({ schedule: { kind: 'daily', at: '08:30' } });
    expect(byName['lifecycle.stuckAlerts']).toMatchObject({ scope: 'global' });
    expect(byName['maintenance.analyze']).toMatchObject({ scope: 'global', schedule: { kind: 'daily', at: '04:00' } });
    expect(new Date(byName['pools.reclaim'].nextRunAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('"run now" reclaims at once, records the run with its counts, and shows it in the history', async () => {
    const neglected = await createCustomer(p.clients.r1);
    await ageOwnership(ctx, { orgId: p.orgId, customerId: neglected, days: 45 });
    const run = await p.clients.admin.post('/api/v1/jobs/pools.reclaim/run', {});
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({
      name: 'pools.reclaim',
      trigger: 'manual',
      triggeredBy: p.users.admin.id,
      status: 'succeeded',
      summary: { reclaimed: 1 },
    });
    expect(await ownerOf(p.clients.admin, neglected)).toBeNull();
    const again = await p.clients.admin.post('/api/v1/jobs/pools.reclaim/run', {});
    expect(again.json().summary).toEqual({ reclaimed: 0 });

    const history = (await p.clients.admin.get('/api/v1/jobs/pools.reclaim/runs?limit=1')).json();
    expect(history.items[0]).toMatchObject({ id: again.json().id, summary: { reclaimed: 0 } });
    const older = (
      await p.clients.admin.get(`/api/v1/jobs/pools.reclaim/runs?limit=1&cursor=${history.nextCursor}`)
    ).json();
    expect(older.items[0]).toMatchObject({ id: run.json().id, summary: { reclaimed: 1 } });
    const listed = (await p.clients.admin.get('/api/v1/jobs'))
      .json()
      .items.find((j: { name: string }) => j.name === 'pools.reclaim');
    expect(listed).toMatchObject({ lastStatus: 'succeeded', lastError: null });
    expect(listed.lastRunAt).not.toBeNull();
  });

  it('"run now" of the statistics job gives the planner the name-bigram statistics the duplicate check reads', async () => {
    await createCustomer(p.clients.r1);
    await ctx.database.db.execute(sql`update users set system_operator = true where id = ${p.users.admin.id}`);
    const run = await p.clients.admin.post('/api/v1/jobs/maintenance.analyze/run', {});
    await ctx.database.db.execute(sql`update users set system_operator = false where id = ${p.users.admin.id}`);
    expect(run.json()).toMatchObject({ status: 'succeeded', summary: { processed: 13 } });
    const stats = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from pg_stats where schemaname = current_schema() and tablename = 'customers' and attname = 'name_bigrams'`,
    );
    expect(stats[0]!.n).toBe(1);
  });

  it('a job spanning every organization is run only by a system operator; other admins see it marked and get 403', async () => {
    const other = await createOtherOrgAdmin(ctx);
    for (const admin of [p.clients.admin, other.client]) {
      expect((await admin.get('/api/v1/auth/me')).json().systemOperator).toBe(false);
      const listed = (await admin.get('/api/v1/jobs')).json().items as { name: string; installationWide: boolean }[];
      expect(listed.filter((j) => j.installationWide).map((j) => j.name)).toEqual([
        'backup.pglite',
        'maintenance.analyze',
      ]);
      const refused = await admin.post('/api/v1/jobs/maintenance.analyze/run', {});
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.message).toBe('此任务作用于整个系统的所有组织，只有系统运维人员可以运行。');
    }
    // Jobs limited to the caller's organization stay theirs to run.
    expect((await other.client.post('/api/v1/jobs/lifecycle.markLost/run', {})).statusCode).toBe(200);
    // A refused run leaves no trace of having run.
    const refusedRuns = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from job_runs where triggered_by = ${other.client.user.id} and name = 'maintenance.analyze'`,
    );
    expect(refusedRuns[0]!.n).toBe(0);

    const operator = await ctx.createUser({ orgId: p.orgId, roleIds: [p.roleIds.admin!] });
    await ctx.database.db.execute(sql`update users set system_operator = true where id = ${operator.id}`);
    const operatorClient = await ctx.login(operator);
    expect((await operatorClient.get('/api/v1/auth/me')).json().systemOperator).toBe(true);
    const run = await operatorClient.post('/api/v1/jobs/maintenance.analyze/run', {});
    expect(run.json()).toMatchObject({ status: 'succeeded', triggeredBy: operator.id });
  });

  it('only administrators see and run jobs; unknown jobs answer 404', async () => {
    expect((await p.clients.r1.get('/api/v1/jobs')).statusCode).toBe(403);
    expect((await p.clients.eastManager.post('/api/v1/jobs/pools.reclaim/run', {})).statusCode).toBe(403);
    expect((await p.clients.admin.post('/api/v1/jobs/no.such.job/run', {})).statusCode).toBe(404);
    expect((await p.clients.admin.get('/api/v1/jobs/no.such.job/runs')).statusCode).toBe(404);
    expect((await p.clients.admin.get("/api/v1/jobs/bad'name/runs")).statusCode).toBe(400);
  });

  it("another organization's run touches only its own customers and history", async () => {
    const neglected = await createCustomer(p.clients.r2);
    await ageOwnership(ctx, { orgId: p.orgId, customerId: neglected, days: 45 });
    const other = await createOtherOrgAdmin(ctx);
    const run = await other.client.post('/api/v1/jobs/pools.reclaim/run', {});
    expect(run.json().summary).toEqual({ reclaimed: 0 });
    expect(await ownerOf(p.clients.admin, neglected)).toBe(p.users.r2.id);
    const history = (await other.client.get('/api/v1/jobs/pools.reclaim/runs')).json().items;
    expect(history.map((r: { id: string }) => r.id)).toEqual([run.json().id]);
  });

  it("a global job run by hand from one organization touches only it, and its run stays out of other organizations' history", async () => {
    const stuck = await createCustomer(p.clients.r3);
    await ctx.database.db.execute(
      sql`update customers set stage_entered_at = now() - interval '400 days' where id = ${stuck}`,
    );
    const alertsFor = async () =>
      (
        await queryRows<{ n: number }>(
          ctx.database.db,
          sql`select count(*)::int as n from notifications where entity_id = ${stuck}`,
        )
      )[0]!.n;
    const other = await createOtherOrgAdmin(ctx);
    const foreign = await other.client.post('/api/v1/jobs/lifecycle.stuckAlerts/run', {});
    expect(foreign.json()).toMatchObject({ status: 'succeeded', summary: { processed: 0 } });
    expect(await alertsFor()).toBe(0);
    const ourHistory = (await p.clients.admin.get('/api/v1/jobs/lifecycle.stuckAlerts/runs')).json().items;
    expect(ourHistory.map((r: { id: string }) => r.id)).not.toContain(foreign.json().id);

    const own = await p.clients.admin.post('/api/v1/jobs/lifecycle.stuckAlerts/run', {});
    expect(own.json().summary.processed).toBeGreaterThanOrEqual(1);
    expect(await alertsFor()).toBeGreaterThan(0);
    const theirHistory = (await other.client.get('/api/v1/jobs/lifecycle.stuckAlerts/runs')).json().items;
    expect(theirHistory.map((r: { id: string }) => r.id)).toEqual([foreign.json().id]);
  });

  it("another organization's hand-run of a global job leaves this organization's job list as it was; each sees its own last run", async () => {
    const jobOf = async (client: typeof p.clients.admin) =>
      ((await client.get('/api/v1/jobs')).json().items as { name: string }[]).find(
        (j) => j.name === 'payments.markOverdue',
      );
    const other = await createOtherOrgAdmin(ctx);
    const before = await jobOf(p.clients.admin);
    expect(before).toMatchObject({ scope: 'global', lastRunAt: null, lastStatus: null });

    const foreign = (await other.client.post('/api/v1/jobs/payments.markOverdue/run', {})).json();
    expect(foreign.status).toBe('succeeded');
    expect(await jobOf(p.clients.admin)).toEqual(before);
    const theirs = { lastRunAt: foreign.startedAt, lastStatus: 'succeeded', lastDurationMs: foreign.durationMs };
    expect(await jobOf(other.client)).toMatchObject(theirs);

    const own = (await p.clients.admin.post('/api/v1/jobs/payments.markOverdue/run', {})).json();
    expect(await jobOf(p.clients.admin)).toMatchObject({ lastRunAt: own.startedAt, lastStatus: 'succeeded' });
    expect(await jobOf(other.client)).toMatchObject(theirs);
  });
});
