import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '@guanxi/contract';
import { queryRows } from '../../platform/db/query.js';
import { createPersonas, type Personas } from '../../test/personas.js';
import { createTestContext, type TestContext } from '../../test/test-app.js';
import { createImportWorker } from './import-worker.js';
import { csvOf, uploadAndMap, testEventBus } from './imports.fixtures.js';

let ctx: TestContext;
let p: Personas;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'guanxi-import-worker-'));
  ctx = await createTestContext({ dataDir });
  p = await createPersonas(ctx, { customersEach: 0 });
});
afterAll(() => ctx.close());

const count = async (pattern: string) =>
  (
    await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from customers where org_id = ${p.orgId} and name like ${pattern}`,
    )
  )[0]!.n;

const rows = (prefix: string, n: number, phoneBlock: number) =>
  csvOf([
    ['客户名称', '电话', '来源'],
    ...Array.from({ length: n }, (_, i) => [
      `${prefix}${i}号有限公司`,
      `13${phoneBlock}0013${String(i).padStart(4, '0')}`,
      i === 4 ? '路边' : '展会',
    ]),
  ]);

describe('the import worker', () => {
  it('a crash inside a batch rolls that batch back; a restarted worker resumes after the last committed batch', async () => {
    const job = await uploadAndMap(p.clients.clerk, 'customers', {
      name: 'crash.csv',
      bytes: Buffer.from(rows('庚', 10, 5)),
    });
    expect((await p.clients.clerk.post(`/api/v1/imports/${job.id}/run`, {})).statusCode).toBe(200);

    let batches = 0;
    const crashing = createImportWorker({
      db: ctx.database.db,
      events: testEventBus(),
      dataDir,
      batchSize: 3,
      leaseMs: 1,
      afterBatchWrite: () => {
        batches++;
        if (batches === 2) throw new Error('simulated crash');
      },
    });
    await expect(crashing.runOnce()).rejects.toThrow('simulated crash');
    // The first batch committed whole, the second not at all.
    expect(await count('庚%')).toBe(3);
    const midway = (await p.clients.clerk.get(`/api/v1/imports/${job.id}`)).json() as ImportJob;
    expect(midway).toMatchObject({ status: 'running', progress: { done: 3, total: 10 } });

    await new Promise((resolve) => setTimeout(resolve, 20));
    const restarted = createImportWorker({
      db: ctx.database.db,
      events: testEventBus(),
      dataDir,
      batchSize: 3,
    });
    await restarted.drain();
    const done = (await p.clients.clerk.get(`/api/v1/imports/${job.id}`)).json() as ImportJob;
    expect(done).toMatchObject({ status: 'completed', progress: { done: 10, total: 10 } });
    expect(done.runSummary).toMatchObject({ created: 9, errors: 1 });
    expect(await count('庚%')).toBe(9);
    const errors = (await p.clients.clerk.get(`/api/v1/imports/${job.id}/errors`)).json();
    expect(errors.items.map((e: { rowNumber: number }) => e.rowNumber)).toEqual([6]);
  });

  it('a worker stopped between batches gives the job back, and the next one finishes it', async () => {
    const job = await uploadAndMap(p.clients.clerk, 'customers', {
      name: 'stop.csv',
      bytes: Buffer.from(rows('辛', 7, 6)),
    });
    await p.clients.clerk.post(`/api/v1/imports/${job.id}/run`, {});
    let stop: Promise<void> | null = null;
    const first = createImportWorker({
      db: ctx.database.db,
      events: testEventBus(),
      dataDir,
      batchSize: 2,
      pollMs: 10,
      afterBatchWrite: () => {
        stop ??= first.stop();
      },
    });
    first.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    while (!stop) await new Promise((resolve) => setTimeout(resolve, 20));
    await stop;
    const stopped = (await p.clients.clerk.get(`/api/v1/imports/${job.id}`)).json() as ImportJob;
    expect(stopped.status).toBe('running');
    expect(stopped.progress.done).toBe(2);
    await createImportWorker({ db: ctx.database.db, events: testEventBus(), dataDir }).drain();
    const done = (await p.clients.clerk.get(`/api/v1/imports/${job.id}`)).json() as ImportJob;
    expect(done).toMatchObject({ status: 'completed', runSummary: { created: 6, errors: 1 } });
    expect(await count('辛%')).toBe(6);
  });

  it('a request that comes in during an import is answered before the next batch starts', async () => {
    const job = await uploadAndMap(p.clients.clerk, 'customers', {
      name: 'busy.csv',
      bytes: Buffer.from(rows('癸', 6, 8)),
    });
    await p.clients.clerk.post(`/api/v1/imports/${job.id}/run`, {});
    let listing: Promise<unknown> | null = null;
    let answered = false;
    const answeredAtBatch: boolean[] = [];
    await createImportWorker({
      db: ctx.database.db,
      events: testEventBus(),
      dataDir,
      batchSize: 2,
      // As the server does on PGlite: each batch waits for a moment without requests in flight.
      beforeBatch: async () => {
        await ctx.app.whenQuiet(10_000);
        if (listing) answeredAtBatch.push(answered);
      },
      afterBatchWrite: async () => {
        if (listing) return;
        listing = p.clients.clerk.get('/api/v1/customers?limit=50').then((response) => {
          expect(response.statusCode).toBe(200);
          answered = true;
        });
        // The request is on its way (on PGlite its queries wait for this batch to commit).
        await new Promise((resolve) => setTimeout(resolve, 200));
      },
    }).drain();
    await listing;
    expect(answeredAtBatch).toEqual([true, true]);
    expect(await count('癸%')).toBe(5);
  });

  it('cancelling a queued run ends it before any row is written', async () => {
    const job = await uploadAndMap(p.clients.clerk, 'customers', {
      name: 'cancel.csv',
      bytes: Buffer.from(rows('壬', 3, 7)),
    });
    await p.clients.clerk.post(`/api/v1/imports/${job.id}/run`, {});
    const cancelled = (await p.clients.clerk.post(`/api/v1/imports/${job.id}/cancel`, {})).json() as ImportJob;
    expect(cancelled.status).toBe('cancelled');
    await createImportWorker({ db: ctx.database.db, events: testEventBus(), dataDir }).drain();
    expect(await count('壬%')).toBe(0);
  });
});
