import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { customers } from '../../platform/db/schema/index.js';
import { usePersonas } from '../../test/file-context.js';
import { DAY_MS } from '../../platform/time/index.js';

const { ctx, p } = usePersonas();

const idsOf = (body: { items: { id: string }[] }) => body.items.map((c) => c.id).sort();
async function enteredStage(id: string, stage: string, daysAgo: number) {
  await ctx.database.db
    .update(customers)
    .set({ stage, stageEnteredAt: new Date(Date.now() - daysAgo * DAY_MS) })
    .where(and(eq(customers.orgId, p.orgId), eq(customers.id, id)));
}

describe('built-in customer views', () => {
  it('"mine" is what I own; "team" is the rest of my scope', async () => {
    const mine = (await p.clients.eastManager.get('/api/v1/customers?view=mine&limit=200')).json();
    expect(idsOf(mine)).toEqual([...p.customers.eastManager].sort());
    const team = (await p.clients.eastManager.get('/api/v1/customers?view=team&limit=200')).json();
    expect(idsOf(team)).toEqual([...p.customers.r1, ...p.customers.r2].sort());
    expect(team.total).toBe(p.customers.r1.length + p.customers.r2.length);
    expect(idsOf((await p.clients.r1.get('/api/v1/customers?view=team')).json())).toEqual([]);
  });

  it('"stuck" holds customers longer in their stage than its expected dwell (prospect 15, interested 30 days)', async () => {
    const [a, b, c] = p.customers.r1;
    await enteredStage(a!, 'prospect', 16);
    await enteredStage(b!, 'interested', 20);
    await enteredStage(c!, 'interested', 31);
    await enteredStage(p.customers.r2[0]!, 'repeat', 900);
    await enteredStage(p.customers.r3[0]!, 'prospect', 40);
    expect(idsOf((await p.clients.eastManager.get('/api/v1/customers?view=stuck')).json())).toEqual([a, c].sort());
    const stuckInterested = (await p.clients.r1.get('/api/v1/customers?view=stuck&stage=interested')).json();
    expect(idsOf(stuckInterested)).toEqual([c]);
  });

  it('views combine with the other filters and reject unknown names', async () => {
    const id = p.customers.eastManager[0]!;
    const version = (await p.clients.eastManager.get(`/api/v1/customers/${id}`)).json().version;
    await p.clients.eastManager.patch(`/api/v1/customers/${id}`, { tier: 'A', version });
    expect(idsOf((await p.clients.eastManager.get('/api/v1/customers?view=mine&tier=A')).json())).toEqual([id]);
    expect((await p.clients.r1.get('/api/v1/customers?view=everything')).statusCode).toBe(400);
  });
});
