import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.js';
import { singleMigrationFolder } from '../../test/single-migration.js';
import { queryRows } from '../../platform/db/query.js';
import { stageTransitionRequests } from '../../platform/db/schema/index.js';
import { createPersonas, type Personas } from '../../test/personas.js';
import { createTestContext, type TestContext } from '../../test/test-app.js';
import { createTodos } from '../notifications/index.js';

// The data migration moving stage-change requests still pending from before onto the engine.
const MIGRATION_TAG = '20261124001640_stage_requests_to_approvals';
let migration: ReturnType<typeof singleMigrationFolder>;

let ctx: TestContext;
let p: Personas;

beforeAll(async () => {
  ctx = await createTestContext();
  p = await createPersonas(ctx, { customersEach: 1 });
  migration = singleMigrationFolder(MIGRATION_TAG);
});
afterAll(async () => {
  migration.remove();
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
    await migration.runAgain(ctx, '__approvals_migration_check_1');
    await migration.runAgain(ctx, '__approvals_migration_check_2');

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
