import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.js';
import { queryRows } from '../../platform/db/query.js';
import { createEventBus, type EventBus } from '../../platform/events/index.js';
import { createPersonas, type Personas } from '../../test/personas.js';
import { createTestContext, type TestContext } from '../../test/test-app.js';
import { markLostCustomers, runStuckAlerts, subscribeLifecycleRules } from './index.js';
import { DAY_MS } from '../../platform/time/index.js';

let ctx: TestContext;
let p: Personas;
let bus: EventBus;
const start = new Date();
const later = (days: number) => new Date(start.getTime() + days * DAY_MS);

beforeAll(async () => {
  ctx = await createTestContext();
  p = await createPersonas(ctx, { customersEach: 2 });
  bus = createEventBus();
  subscribeLifecycleRules(bus);
});
afterAll(() => ctx.close());

const stageOf = async (id: string) => (await p.clients.admin.get(`/api/v1/customers/${id}`)).json().stage as string;
const alerts = async (customerId: string) =>
  (
    await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from notifications where org_id = ${p.orgId} and kind = 'customer_stuck' and entity_id = ${customerId}`,
    )
  )[0]!.n;

describe('lifecycle rule settings', () => {
  it('start at the domain defaults and only a lifecycle manager may change them, with audit', async () => {
    expect((await p.clients.r1.get('/api/v1/lifecycle/rule-settings')).json()).toEqual({
      lostAfterDays: 365,
      stuckRepeatDays: 7,
      nameSimilarityPercent: 60,
    });
    expect(
      (
        await p.clients.r1.request({
          method: 'PUT',
          url: '/api/v1/lifecycle/rule-settings',
          payload: { lostAfterDays: 30, stuckRepeatDays: 3, nameSimilarityPercent: 60 },
        })
      ).statusCode,
    ).toBe(403);
    const bad = await p.clients.admin.request({
      method: 'PUT',
      url: '/api/v1/lifecycle/rule-settings',
      payload: { lostAfterDays: 0, stuckRepeatDays: 3, nameSimilarityPercent: 60 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('lostAfterDays');
    const tooLoose = await p.clients.admin.request({
      method: 'PUT',
      url: '/api/v1/lifecycle/rule-settings',
      payload: { lostAfterDays: 30, stuckRepeatDays: 3, nameSimilarityPercent: 10 },
    });
    expect(tooLoose.statusCode).toBe(400);
    expect(tooLoose.json().error.fields[0].field).toBe('nameSimilarityPercent');
    const saved = await p.clients.admin.request({
      method: 'PUT',
      url: '/api/v1/lifecycle/rule-settings',
      payload: { lostAfterDays: 30, stuckRepeatDays: 3, nameSimilarityPercent: 60 },
    });
    expect(saved.json()).toEqual({ lostAfterDays: 30, stuckRepeatDays: 3, nameSimilarityPercent: 60 });
    const audit = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from audit_log where org_id = ${p.orgId} and entity = 'lifecycle_rule_settings'`,
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('the nightly lost rule uses the organization’s own number of days', async () => {
    const id = p.customers.r1[0]!;
    await ctx.database.db.transaction((tx) =>
      bus.publish(tx, {
        type: 'order.confirmed',
        orgId: p.orgId,
        customerId: id,
        orderId: newId(),
        actorId: null,
        at: start,
      }),
    );
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
