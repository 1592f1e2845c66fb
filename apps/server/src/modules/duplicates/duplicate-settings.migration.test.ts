import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleMigrationFolder } from '../../test/single-migration.js';
import { queryRows } from '../../platform/db/query.js';
import { createPersonas, type Personas } from '../../test/personas.js';
import { createTestContext, type TestContext } from '../../test/test-app.js';

// The schema move of the name-similarity threshold from the lifecycle's rule settings to duplicates.
const MIGRATION_TAG = '20261206174116_duplicate_settings';
let migration: ReturnType<typeof singleMigrationFolder>;
let ctx: TestContext;
let p: Personas;

beforeAll(async () => {
  ctx = await createTestContext();
  p = await createPersonas(ctx, { customersEach: 0 });
  migration = singleMigrationFolder(MIGRATION_TAG);
});
afterAll(async () => {
  migration.remove();
  await ctx.close();
});

describe('the name-similarity threshold moving to the duplicate settings', () => {
  it('keeps each organization’s saved threshold, and the rule settings screen still shows it', async () => {
    const db = ctx.database.db;
    // The schema as it was before the move, with a threshold saved beside the lifecycle rules.
    await db.execute(sql`drop table duplicate_settings`);
    await db.execute(
      sql`alter table lifecycle_rule_settings add column name_similarity_percent integer default 60 not null`,
    );
    await db.execute(sql`insert into lifecycle_rule_settings (org_id, lost_after_days, stuck_repeat_days, name_similarity_percent)
      values (${p.orgId}, 200, 5, 75)`);

    await migration.runAgain(ctx, '__duplicate_settings_migration_check');

    const moved = await queryRows<{ percent: number }>(
      db,
      sql`select name_similarity_percent as percent from duplicate_settings where org_id = ${p.orgId}`,
    );
    expect(moved).toEqual([{ percent: 75 }]);
    const left = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from information_schema.columns
          where table_name = 'lifecycle_rule_settings' and column_name = 'name_similarity_percent'`,
    );
    expect(left[0]!.n).toBe(0);
    expect((await p.clients.r1.get('/api/v1/lifecycle/rule-settings')).json()).toEqual({
      lostAfterDays: 200,
      stuckRepeatDays: 5,
      nameSimilarityPercent: 75,
    });
  });
});
