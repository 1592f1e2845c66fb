import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../platform/config/config.js';
import { openDatabase } from '../platform/db/client.js';
import { classifyDatabaseFailure } from '../platform/db/database-errors.js';
import { queryRows } from '../platform/db/query.js';
import { translate } from '../platform/i18n/translate.js';
import { createTestContext, type Client, type TestContext } from '../test/test-app.js';

// security D9: connections dropped in the middle of transactions, under concurrent writes.
let ctx: TestContext;
let admin: pg.Client;
let dbName: string;
let client: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  [{ name: dbName }] = (await queryRows<{ name: string }>(ctx.database.db, sql`select current_database() as name`)) as [
    { name: string },
  ];
  const { orgId, roleIds } = await ctx.createOrg();
  client = await ctx.login(await ctx.createUser({ orgId, roleIds: [roleIds.admin!] }));
});
afterAll(async () => {
  await admin.end();
  await ctx.close();
});

/** What pg_terminate_backend, a crash or a failover does to the app's connections. */
async function terminateBackends(): Promise<number> {
  const result = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
    dbName,
  ]);
  return result.rowCount ?? 0;
}

/** Waits until some connection of the app is inside a statement or a transaction. */
async function untilBusy(): Promise<void> {
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    const { rows } = await admin.query<{ busy: number }>(
      `select count(*)::int as busy from pg_stat_activity where datname = $1 and state in ('active', 'idle in transaction')`,
      [dbName],
    );
    if (rows[0]!.busy > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const createCustomer = (name: string) => client.post('/api/v1/customers', { kind: 'company', name });

function expectUnavailable(response: LightMyRequestResponse, locale: 'zh-CN' | 'en' = 'zh-CN'): void {
  expect(response.statusCode).toBe(503);
  expect(response.headers['retry-after']).toBe('5');
  expect(response.json().error).toMatchObject({ code: 'unavailable', message: translate(locale, 'error.unavailable') });
}

describe('PostgreSQL connections dropped under concurrent writes (security D9)', () => {
  it('backends killed during 80 concurrent creates: the app keeps answering, what was acknowledged is stored whole, nothing is half-written, the pool heals', async () => {
    const creates = Array.from({ length: 80 }, (_, i) => createCustomer(`断线测试${i}号有限公司`));
    let terminated = 0;
    for (let round = 0; round < 3; round++) {
      await untilBusy();
      terminated += await terminateBackends();
    }
    const responses = await Promise.all(creates);
    expect(terminated).toBeGreaterThan(0);

    const failed = responses.filter((r) => r.statusCode !== 201);
    for (const response of failed) expectUnavailable(response);
    expect(failed.length).toBeGreaterThan(0);
    const acknowledged = responses.filter((r) => r.statusCode === 201).map((r) => r.json().id as string);

    // Read through a connection of our own: the app's pool is what is under test.
    const orgId = client.user.orgId;
    const check = new pg.Client({ connectionString: urlOf(dbName) });
    await check.connect();
    try {
      const customers = await check.query<{ id: string }>('select id from customers where org_id = $1', [orgId]);
      const ids = new Set(customers.rows.map((r) => r.id));
      for (const id of acknowledged) expect(ids.has(id), `acknowledged customer ${id} is stored`).toBe(true);

      // Each customer was written with its audit entry and its first stage transition, or not at all.
      const halfWritten = await check.query(
        `select c.id,
                exists (select 1 from audit_log a where a.org_id = c.org_id and a.entity = 'customer' and a.action = 'create' and a.entity_id = c.id::text) as audited,
                exists (select 1 from stage_transitions t where t.org_id = c.org_id and t.customer_id = c.id and t.from_stage is null) as logged
           from customers c where c.org_id = $1`,
        [orgId],
      );
      expect(halfWritten.rows.filter((r) => !r.audited || !r.logged)).toEqual([]);
      const orphanAudit = await check.query(
        `select a.entity_id from audit_log a where a.org_id = $1 and a.entity = 'customer' and a.action = 'create'
            and not exists (select 1 from customers c where c.org_id = a.org_id and c.id::text = a.entity_id)`,
        [orgId],
      );
      expect(orphanAudit.rows).toEqual([]);
      // The counters the board reads agree with the rows, and no customer number was given twice.
      const counters = await check.query(
        `select coalesce((select sum(count) from customer_stage_counts where org_id = $1), 0)::int as counted,
                (select count(*) from customers where org_id = $1 and deleted_at is null)::int as live,
                coalesce((select sum(count) from stage_move_daily where org_id = $1), 0)::int as moves,
                (select count(*) from stage_transitions where org_id = $1)::int as transitions,
                (select count(distinct customer_no) from customers where org_id = $1)::int as numbers`,
        [orgId],
      );
      const row = counters.rows[0];
      expect(row.counted).toBe(row.live);
      expect(row.moves).toBe(row.transitions);
      expect(row.numbers).toBe(customers.rowCount);
    } finally {
      await check.end();
    }

    // The pool replaced the dead connections by itself: the next requests simply work.
    expect((await createCustomer('断线之后有限公司')).statusCode).toBe(201);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
  });

  it('a transaction left idle past the idle-in-transaction timeout fails as unavailable, and the next query works', async () => {
    const db = ctx.database.db;
    const failure = await db
      .transaction(async (tx) => {
        await tx.execute(sql`set local idle_in_transaction_session_timeout = '100ms'`);
        await tx.execute(sql`select 1`);
        // The server ends the session while the client holds it between statements.
        await new Promise((resolve) => setTimeout(resolve, 400));
        await tx.execute(sql`select 1`);
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).not.toBeNull();
    expect(classifyDatabaseFailure(failure)).toBe('unavailable');
    expect(await queryRows(db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });

  it('a database that cannot be reached answers 503 with Retry-After on every route, health says degraded, readiness 503, and nothing hangs', async () => {
    // A pool pointed at a closed port: what a stopped or unreachable server looks like.
    const database = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/guanxi', poolSize: 2 });
    const app = await buildApp({
      config: loadConfig({}, { logLevel: 'silent', webDistDir: '/nonexistent' }),
      database,
      logger: false,
    });
    try {
      const started = Date.now();
      const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({
        status: 'degraded',
        db: 'postgres',
        database: { reachable: false, latencyMs: null },
      });
      const ready = await app.inject({ method: 'GET', url: '/api/v1/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ ready: false, checks: { database: false, migrations: false } });

      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'accept-language': 'en' },
        payload: { username: 'someone', password: 'whatever-password' },
      });
      expectUnavailable(login, 'en');
      const list = await app.inject({
        method: 'GET',
        url: '/api/v1/customers',
        headers: { cookie: `guanxi_session=${client.cookie}` },
      });
      expectUnavailable(list);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('backends killed over and over: every request answers 201 or 503, never 500, and the app recovers after', async () => {
    const statuses: number[] = [];
    const stop = Date.now() + 1500;
    const killer = (async () => {
      while (Date.now() < stop) {
        await terminateBackends();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    let n = 0;
    while (Date.now() < stop) {
      const batch = await Promise.all(Array.from({ length: 5 }, () => createCustomer(`反复断线${n++}有限公司`)));
      statuses.push(...batch.map((r) => r.statusCode));
      for (const response of batch.filter((r) => r.statusCode !== 201)) expectUnavailable(response);
    }
    await killer;
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect((await createCustomer('反复断线之后有限公司')).statusCode).toBe(201);
  });
});

function urlOf(database: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}
