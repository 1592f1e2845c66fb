import { copyFileSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.js';
import { MIGRATIONS_DIR } from '../../platform/db/migrate.js';
import { queryRows } from '../../platform/db/query.js';
import { stageTransitionRequests } from '../../platform/db/schema/index.js';
import { createPersonas, type Personas } from '../../test/personas.js';
import { createTestContext, type TestContext } from '../../test/test-app.js';
import { createTodos } from '../notifications/index.js';

// The data migration moving stage-change requests still pending from before onto the engine.
const MIGRATION_TAG = '20261124001640_stage_requests_to_approvals';
let folder: string;

/**
 * Runs the migration file again through the real migrator, from a folder holding only it and
 * with a bookkeeping table of its own (the database already ran it once, before any data).
 */
async function runMigrationAgain(table: string): Promise<void> {
  const config = { migrationsFolder: folder, migrationsTable: table };
  if (ctx.database.kind === 'pglite') await migratePglite(ctx.database.db as unknown as PgliteDatabase, config);
  else await migratePostgres(ctx.database.db as unknown as NodePgDatabase, config);
}

let ctx: TestContext;
let p: Personas;

beforeAll(async () => {
  ctx = await createTestContext();
  p = await createPersonas(ctx, { customersEach: 1 });
  folder = mkdtempSync(path.join(tmpdir(), 'guanxi-migration-'));
  mkdirSync(path.join(folder, 'meta'));
  copyFileSync(path.join(MIGRATIONS_DIR, `${MIGRATION_TAG}.sql`), path.join(folder, `${MIGRATION_TAG}.sql`));
  const journal = {
    version: '7',
    dialect: 'postgresql',
    entries: [{ idx: 0, version: '7', when: 1, tag: MIGRATION_TAG, breakpoints: true }],
  };
  writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await ctx.close();
});

describe('pending stage-change requests from before the engine', () => {
  it('become engine requests the same approver decides, once, with their to-do moved over', async () => {
    const customerId = p.customers.r1[0]!;
    const legacyId = newId();
    await ctx.database.db.insert(stageTransitionRequests).values({
      orgId: p.orgId,
      id: legacyId,
      customerId,
      fromStage: 'prospect',
      toStage: 'lost',
      reason: '客户已倒闭',
      requestedBy: p.users.r1.id,
      approverIds: [p.users.eastManager.id],
    });
    await createTodos(ctx.database.db, {
      orgId: p.orgId,
      userIds: [p.users.eastManager.id],
      kind: 'stage_approval',
      entity: 'stage_transition_request',
      entityId: legacyId,
      dueAt: null,
      dedupeKey: `stage-approval:${legacyId}`,
    });
    // Twice: a second run must not create a second request.
    await runMigrationAgain('__approvals_migration_check_1');
    await runMigrationAgain('__approvals_migration_check_2');

    const created = await queryRows<{ id: string; title: string }>(
      ctx.database.db,
      sql`select id, title from approval_requests where org_id = ${p.orgId} and entity_id = ${legacyId}`,
    );
    expect(created).toHaveLength(1);
    expect(created[0]!.title).toContain('潜在客户 → 流失客户');
    const approvalId = created[0]!.id;
    const todos = (await p.clients.eastManager.get('/api/v1/todos?status=open')).json().items;
    expect(todos).toContainEqual(
      expect.objectContaining({ kind: 'approval', entity: 'approval_request', entityId: approvalId }),
    );

    const approved = await p.clients.eastManager.post(`/api/v1/approvals/${approvalId}/approve`, { comment: '同意' });
    expect(approved.statusCode).toBe(200);
    expect((await p.clients.r1.get(`/api/v1/customers/${customerId}`)).json().stage).toBe('lost');
    const stageRequest = await queryRows<{ status: string }>(
      ctx.database.db,
      sql`select status from stage_transition_requests where org_id = ${p.orgId} and id = ${legacyId}`,
    );
    expect(stageRequest[0]!.status).toBe('approved');
  });
});
