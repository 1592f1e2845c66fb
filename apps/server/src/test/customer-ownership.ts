import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { customers, notifications } from '../platform/db/schema/index.js';
import { postCustomer } from './customer-requests.js';
import type { Client, TestContext } from './test-app.js';
import { DAY_MS } from '../platform/time/index.js';

let serial = 0;

/**
 * Customers, pools and ownership for tests of several modules (pools, jobs): creates a customer as
 * the client's user (who owns it) and answers its id.
 */
export async function createCustomer(client: Client, fields: Record<string, unknown> = {}): Promise<string> {
  serial++;
  const response = await postCustomer(client, {
    kind: 'company',
    name: `公海测试${serial}号有限公司`,
    phone: `1391234${String(serial).padStart(4, '0')}`,
    ...fields,
  });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: string }).id;
}

/** Customers created by `client` and returned to a pool at once, ready to be claimed. */
export async function createPoolCustomers(
  client: Client,
  count: number,
  options: { poolId?: string; tier?: string } = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = await createCustomer(client, options.tier ? { tier: options.tier } : {});
    const returned = await client.post(`/api/v1/customers/${id}/return`, {
      reason: 'seed',
      ...(options.poolId ? { poolId: options.poolId } : {}),
    });
    expect(returned.statusCode, returned.body).toBe(200);
    ids.push(id);
  }
  return ids;
}

/** Moves the start of ownership (and the last follow-up) back in time, as if days had passed. */
export async function ageOwnership(
  ctx: TestContext,
  options: { orgId: string; customerId: string; days: number; followUpDaysAgo?: number },
  now = new Date(),
) {
  await ctx.database.db
    .update(customers)
    .set({
      ownedSince: new Date(now.getTime() - options.days * DAY_MS),
      lastFollowUpAt:
        options.followUpDaysAgo === undefined ? null : new Date(now.getTime() - options.followUpDaysAgo * DAY_MS),
    })
    .where(and(eq(customers.orgId, options.orgId), eq(customers.id, options.customerId)));
}

export async function notificationsOf(ctx: TestContext, options: { orgId: string; userId: string; kind: string }) {
  return ctx.database.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.orgId, options.orgId),
        eq(notifications.userId, options.userId),
        eq(notifications.kind, options.kind),
      ),
    );
}

export const ownerOf = async (client: Client, customerId: string) =>
  ((await client.get(`/api/v1/customers/${customerId}/ownership`)).json() as { ownerId: string | null }).ownerId;
