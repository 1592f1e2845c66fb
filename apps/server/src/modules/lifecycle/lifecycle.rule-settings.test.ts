import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { markLostCustomers, runStuckAlerts } from './index.js';
import type { Client } from '../../test/test-app.js';
import { useLifecycleRules } from './lifecycle.fixtures.js';

const { ctx, p, start, later, confirmOrder } = useLifecycleRules({ customersEach: 2 });

const stageOf = async (id: string) => (await p.clients.admin.get(`/api/v1/customers/${id}`)).json().stage as string;
const alerts = async (customerId: string) =>
  (
    await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from notifications where org_id = ${p.orgId} and kind = 'customer_stuck' and entity_id = ${customerId}`,
    )
  )[0]!.n;

const putSettings = (client: Client, payload: Record<string, number>) =>
  client.put('/api/v1/lifecycle/rule-settings', payload);

describe('lifecycle rule settings', () => {
  it('start at the domain defaults and only a lifecycle manager may change them, with audit', async () => {
    expect((await p.clients.r1.get('/api/v1/lifecycle/rule-settings')).json()).toEqual({
      lostAfterDays: 365,
      stuckRepeatDays: 7,
      nameSimilarityPercent: 60,
    });
    const changed = { lostAfterDays: 30, stuckRepeatDays: 3, nameSimilarityPercent: 60 };
    expect((await putSettings(p.clients.r1, changed)).statusCode).toBe(403);
    const bad = await putSettings(p.clients.admin, { ...changed, lostAfterDays: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('lostAfterDays');
    const tooLoose = await putSettings(p.clients.admin, { ...changed, nameSimilarityPercent: 10 });
    expect(tooLoose.statusCode).toBe(400);
    expect(tooLoose.json().error.fields[0].field).toBe('nameSimilarityPercent');
    const saved = await putSettings(p.clients.admin, changed);
    expect(saved.json()).toEqual(changed);
    const audit = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from audit_log where org_id = ${p.orgId} and entity = 'lifecycle_rule_settings'`,
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('the nightly lost rule uses the organization’s own number of days', async () => {
    const id = p.customers.r1[0]!;
    await confirmOrder(id, start);
    expect(await stageOf(id)).toBe('first_purchase');
    await markLostCustomers(ctx.database.db, later(29));
    expect(await stageOf(id)).toBe('first_purchase');
    await markLostCustomers(ctx.database.db, later(31));
    expect(await stageOf(id)).toBe('lost');
  });

  it('stuck customers are alerted again after the organization’s repeat interval', async () => {
    const id = p.customers.r2[0]!;
    await runStuckAlerts(ctx.database.db, later(16));
    expect(await alerts(id)).toBe(2);
    await runStuckAlerts(ctx.database.db, later(18));
    expect(await alerts(id)).toBe(2);
    await runStuckAlerts(ctx.database.db, later(19.5));
    expect(await alerts(id)).toBe(4);
  });
});
