import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { customers } from '../../platform/db/schema/index.js';
import { DAY_MS } from '../../platform/time/index.js';
import { usePersonas } from '../../test/file-context.js';

/* Issue 14 item 8: the follow-up and reclaim columns of the customer list, from stored data and the pool's rules. */
const { ctx, p } = usePersonas({ customersEach: 4 });

const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);
const set = (id: string, values: Partial<typeof customers.$inferInsert>) =>
  ctx.database.db
    .update(customers)
    .set(values)
    .where(and(eq(customers.orgId, p.orgId), eq(customers.id, id)));
async function rowOf(id: string) {
  const items = (await p.clients.r1.get('/api/v1/customers?limit=200')).json().items as { id: string }[];
  return items.find((c) => c.id === id) as Record<string, unknown>;
}

describe('customer list follow-up and reclaim columns', () => {
  it('shows last and next follow-up, days without follow-up and days until reclaim under the default pool', async () => {
    const [id] = p.customers.r1;
    const next = new Date(Date.now() + 3 * DAY_MS);
    // Default rules: 30 days without follow-up, 90 days owned without a win; the earlier deadline wins.
    await set(id!, { lastFollowUpAt: daysAgo(10.5), nextContactAt: next, ownedSince: daysAgo(40) });
    const row = await rowOf(id!);
    expect(row).toMatchObject({
      lastFollowUpAt: expect.any(String),
      nextContactAt: next.toISOString(),
      daysWithoutFollowUp: 10,
      daysUntilReclaim: 20,
    });
  });

  it('counts days without follow-up from creation before the first one', async () => {
    const id = p.customers.r1[1]!;
    await set(id, { createdAt: daysAgo(5.2), ownedSince: daysAgo(5.2) });
    expect(await rowOf(id)).toMatchObject({ lastFollowUpAt: null, nextContactAt: null, daysWithoutFollowUp: 5 });
    expect((await rowOf(id)).daysUntilReclaim).toBe(25);
  });

  it('follows the pool’s own rules: a tier override, and none for a locked or won customer', async () => {
    const [, , a, b] = p.customers.r1;
    await set(a!, { tier: 'C', ownedSince: daysAgo(1), lastFollowUpAt: null });
    expect((await rowOf(a!)).daysUntilReclaim).toBe(14);
    await set(b!, { locked: true });
    expect((await rowOf(b!)).daysUntilReclaim).toBeNull();
    await set(b!, { locked: false, stage: 'repeat' });
    expect((await rowOf(b!)).daysUntilReclaim).toBeNull();
  });

  it('a pool customer has no reclaim countdown', async () => {
    const id = p.customers.r2[0]!;
    await p.clients.r2.post(`/api/v1/customers/${id}/return`, { reason: '不再跟进' });
    const items = (await p.clients.admin.get('/api/v1/customers?limit=200')).json().items as {
      id: string;
      daysUntilReclaim: number | null;
    }[];
    expect(items.find((c) => c.id === id)?.daysUntilReclaim).toBeNull();
  });
});
