import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { latestMigrationMillis, shippedMigrationMillis } from '../../platform/db/migrate.js';
import { queryRows } from '../../platform/db/query.js';
import { useTestContext } from '../../test/file-context.js';

const ctx = useTestContext();

/** Readiness answers 503 while the migration applied at `createdAt` is missing from the journal, which is put back after. */
async function expectNotReadyWithout(createdAt: number) {
  const db = ctx.database.db;
  const [row] = await queryRows<{ hash: string }>(
    db,
    sql`select hash from drizzle.__drizzle_migrations where created_at = ${createdAt}`,
  );
  await db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = ${createdAt}`);
  try {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ ready: false, checks: { database: true, migrations: false } });
  } finally {
    await db.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${row!.hash}, ${createdAt})`,
    );
  }
}

describe('health and readiness probes', () => {
  it('health says ok, names the engine and how fast the database answered, without signing in', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ status: 'ok', db: ctx.database.kind, database: { reachable: true } });
    expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('readiness is 200 when the database answers and every shipped migration is applied', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ready: true, checks: { database: true, migrations: true } });
  });

  it('readiness is 503 while the database lacks a migration this release ships (a server started against an older schema)', async () => {
    const latest = latestMigrationMillis();
    await expectNotReadyWithout(latest);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/health/ready' })).statusCode).toBe(200);
  });

  it('readiness is 503 while an older migration is missing though the newest is applied (branches merged)', async () => {
    const older = shippedMigrationMillis().at(-2)!;
    await expectNotReadyWithout(older);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/health/ready' })).statusCode).toBe(200);
  });
});
