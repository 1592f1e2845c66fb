import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { markLostCustomers, runStuckAlerts } from './index.js';
import { useLifecycleRules } from './lifecycle.fixtures.js';

const { ctx, p, start, later, confirmOrder } = useLifecycleRules({ customersEach: 1 });

const TABLES = { notifications: sql`notifications`, todos: sql`todos` };
const stuckRows = (table: keyof typeof TABLES, customerId: string) =>
  queryRows<{ userId: string }>(
    ctx.database.db,
    sql`select user_id as "userId" from ${TABLES[table]} where org_id = ${p.orgId} and kind = 'customer_stuck' and entity_id = ${customerId} order by user_id`,
  );

describe('stuck alerts', () => {
  it('nobody is alerted while customers are within the expected dwell', async () => {
    await runStuckAlerts(ctx.database.db, later(14));
    expect(await stuckRows('notifications', p.customers.r1[0]!)).toEqual([]);
  });

  it('a prospect past 15 days alerts its owner and the owner manager once, however often the job runs', async () => {
    const id = p.customers.r1[0]!;
    await runStuckAlerts(ctx.database.db, later(16));
    await runStuckAlerts(ctx.database.db, later(16));
    await runStuckAlerts(ctx.database.db, later(20));
    const expected = [p.users.r1.id, p.users.eastManager.id].sort();
    expect((await stuckRows('notifications', id)).map((r) => r.userId)).toEqual(expected);
    expect((await stuckRows('todos', id)).map((r) => r.userId)).toEqual(expected);
    const bell = (await p.clients.r1.get('/api/v1/notifications')).json().items;
    expect(bell.find((n: { entityId: string }) => n.entityId === id)).toMatchObject({
      kind: 'customer_stuck',
      params: { stage: 'prospect', customerId: id },
    });
  });

  it('alerts again every 7 days while still stuck', async () => {
    await runStuckAlerts(ctx.database.db, later(23));
    expect(await stuckRows('notifications', p.customers.r1[0]!)).toHaveLength(4);
  });

  it('a customer without a manager above its owner alerts the owner only', async () => {
    const recipients = new Set((await stuckRows('notifications', p.customers.head[0]!)).map((r) => r.userId));
    expect([...recipients]).toEqual([p.users.head.id]);
  });

  it('moving the customer on closes its stuck to-dos', async () => {
    const id = p.customers.r1[0]!;
    expect(
      (await p.clients.r1.post(`/api/v1/customers/${id}/stage-transitions`, { to: 'interested', reason: '已联系' }))
        .statusCode,
    ).toBe(201);
    const open = (await p.clients.r1.get('/api/v1/todos?status=open')).json().items;
    expect(open.filter((t: { entityId: string }) => t.entityId === id)).toEqual([]);
  });
});

describe('lost after a year without orders', () => {
  it('moves a buyer whose last order is over 365 days old to lost, by the rule, once', async () => {
    const old = p.customers.r2[0]!;
    const recent = p.customers.r3[0]!;
    await confirmOrder(old, start);
    await confirmOrder(recent, later(370));
    expect(await markLostCustomers(ctx.database.db, later(300))).toBe(0);
    expect(await markLostCustomers(ctx.database.db, later(400))).toBe(1);
    expect(await markLostCustomers(ctx.database.db, later(400))).toBe(0);
    const log = (await p.clients.admin.get(`/api/v1/customers/${old}/stage-transitions`)).json().items;
    expect(log.at(-1)).toMatchObject({
      from: 'first_purchase',
      to: 'lost',
      ruleId: 'rule.inactivity_lost',
      actorId: null,
    });
    expect((await p.clients.admin.get(`/api/v1/customers/${recent}`)).json().stage).toBe('first_purchase');
  });
});
