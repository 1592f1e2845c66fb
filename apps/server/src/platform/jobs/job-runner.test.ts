import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobRuns, jobs } from '../db/schema/index.js';
import { createJobRegistry, type JobContext } from './job-registry.js';
import { createJobRunner } from './job-runner.js';
import { jobsRepository } from './jobs.repository.js';
import { useTestContext } from '../../test/file-context.js';

const ctx = useTestContext();
let orgIds: string[];

beforeAll(async () => {
  orgIds = [(await ctx.createOrg()).orgId, (await ctx.createOrg()).orgId];
});

const HOUR = 3600_000;

describe('durable job runner', () => {
  it('runs an organization job once per organization when due, then schedules the next local 02:00', async () => {
    const seen: JobContext[] = [];
    const registry = createJobRegistry([
      {
        name: 'test.nightly',
        scope: 'organization',
        schedule: { kind: 'daily', at: '02:00' },
        run: async (c) => void seen.push(c),
      },
    ]);
    const runner = createJobRunner({ db: ctx.database.db, registry });
    const start = new Date('2030-01-01T00:00:00Z'); // 08:00 in Shanghai
    expect(await runner.runDue(start)).toBe(0);
    const rows = await ctx.database.db.select().from(jobs).where(eq(jobs.name, 'test.nightly'));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows[0]!.nextRunAt.toISOString()).toBe('2030-01-01T18:00:00.000Z');
    const night = new Date('2030-01-01T18:30:00Z');
    const ran = await runner.runDue(night);
    expect(ran).toBe(rows.length);
    expect(seen.map((c) => c.orgId)).toEqual(expect.arrayContaining(orgIds));
    expect(seen.every((c) => c.now.getTime() === night.getTime())).toBe(true);
    expect(await runner.runDue(night)).toBe(0);
    const after = await ctx.database.db.select().from(jobs).where(eq(jobs.name, 'test.nightly'));
    expect(
      after.every((j) => j.nextRunAt.toISOString() === '2030-01-02T18:00:00.000Z' && j.lastStatus === 'succeeded'),
    ).toBe(true);
  });

  it('records a failing run with its error and keeps the schedule going', async () => {
    const registry = createJobRegistry([
      {
        name: 'test.broken',
        scope: 'global',
        schedule: { kind: 'interval', minutes: 60 },
        run: async () => Promise.reject(new Error('boom')),
      },
    ]);
    const runner = createJobRunner({ db: ctx.database.db, registry });
    const now = new Date('2030-02-01T00:00:00Z');
    await runner.runDue(now);
    expect(await runner.runDue(new Date(now.getTime() + 2 * HOUR))).toBe(1);
    const [job] = await ctx.database.db.select().from(jobs).where(eq(jobs.name, 'test.broken'));
    expect(job).toMatchObject({ orgId: null, lastStatus: 'failed', lastError: 'boom', lockedUntil: null });
    expect(job!.nextRunAt.toISOString()).toBe('2030-02-01T03:00:00.000Z');
    const runs = await ctx.database.db.select().from(jobRuns).where(eq(jobRuns.jobId, job!.id));
    expect(runs).toMatchObject([{ status: 'failed', error: 'boom', trigger: 'schedule' }]);
  });

  it('a leased job is not handed out again until its lease ends (FOR UPDATE SKIP LOCKED)', async () => {
    const registry = createJobRegistry([
      {
        name: 'test.lease',
        scope: 'global',
        schedule: { kind: 'interval', minutes: 5 },
        run: async () => ({ done: 1 }),
      },
    ]);
    const now = new Date('2030-03-01T00:00:00Z');
    await jobsRepository.ensureScheduled(ctx.database.db, registry.list(), new Date(now.getTime() - HOUR));
    const lease = { names: ['test.lease'], now, leaseUntil: new Date(now.getTime() + HOUR) };
    const first = await jobsRepository.leaseDue(ctx.database.db, lease);
    expect(first?.name).toBe('test.lease');
    expect(await jobsRepository.leaseDue(ctx.database.db, lease)).toBeNull();
    const runner = createJobRunner({ db: ctx.database.db, registry });
    expect(await runner.runNow({ name: 'test.lease', orgId: null, now })).toBeNull();
    // After the lease expires (a crashed runner), the job runs again.
    const later = new Date(now.getTime() + 2 * HOUR);
    expect(await runner.runDue(later)).toBe(1);
  });

  it("one organization's hand-run of a global job neither blocks another organization's nor marks the shared job running", async () => {
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const started: (string | null)[] = [];
    const registry = createJobRegistry([
      {
        name: 'test.slowGlobal',
        scope: 'global',
        schedule: { kind: 'interval', minutes: 60 },
        run: async (c) => {
          started.push(c.orgId);
          if (c.orgId === orgIds[0]) await gate;
        },
      },
    ]);
    const runner = createJobRunner({ db: ctx.database.db, registry });
    const first = runner.runNow({ name: 'test.slowGlobal', orgId: orgIds[0]! });
    while (!started.includes(orgIds[0]!)) await new Promise((resolve) => setTimeout(resolve, 5));
    // The same organization again waits its turn; another organization runs at once.
    expect(await runner.runNow({ name: 'test.slowGlobal', orgId: orgIds[0]! })).toBeNull();
    const other = await runner.runNow({ name: 'test.slowGlobal', orgId: orgIds[1]! });
    expect(other).toMatchObject({ orgId: orgIds[1], status: 'succeeded' });
    const [shared] = await ctx.database.db.select().from(jobs).where(eq(jobs.name, 'test.slowGlobal'));
    expect(shared!.lockedUntil).toBeNull();
    expect(shared!.lastRunAt).toBeNull();
    release();
    expect(await first).toMatchObject({ orgId: orgIds[0], status: 'succeeded' });
  });

  it('stop waits for the run in progress and polls no more', async () => {
    let release: () => void = () => undefined;
    let started = 0;
    const registry = createJobRegistry([
      {
        name: 'test.slow',
        scope: 'global',
        schedule: { kind: 'interval', minutes: 1 },
        run: async () => {
          started++;
          await new Promise<void>((resolve) => (release = resolve));
        },
      },
    ]);
    await jobsRepository.ensureScheduled(ctx.database.db, registry.list(), new Date(Date.now() - 10 * 60_000));
    await ctx.database.db
      .update(jobs)
      .set({ nextRunAt: new Date(Date.now() - 60_000) })
      .where(eq(jobs.name, 'test.slow'));
    const runner = createJobRunner({ db: ctx.database.db, registry, pollIntervalMs: 10 });
    runner.start();
    await expect.poll(() => started).toBe(1);
    const stopping = runner.stop();
    release();
    await stopping;
    const [job] = await ctx.database.db.select().from(jobs).where(eq(jobs.name, 'test.slow'));
    expect(job).toMatchObject({ lastStatus: 'succeeded', lockedUntil: null });
    expect(started).toBe(1);
  });
});
