import type { Customer, CustomerPage } from '@guanxi/contract';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../platform/db/schema/index.js';
import { DAY_MS } from '../../platform/time/index.js';
import type { Client } from '../../test/test-app.js';
import { usePersonas } from '../../test/file-context.js';
import { columnOf, csvRows } from '../../test/export-files.js';

const { ctx, p } = usePersonas({ customersEach: 3 });

/** Days in the stage by customer, for the east team (manager, r1, r2): half days keep clear of whole-day edges. */
let entered: Map<string, Date>;

async function setEntered(id: string, at: Date) {
  await ctx.database.db
    .update(customers)
    .set({ stageEnteredAt: at })
    .where(and(eq(customers.orgId, p.orgId), eq(customers.id, id)));
}

/** Every page of a list, following `nextCursor`. */
async function allPages(client: Client, query: string): Promise<Customer[]> {
  const items: Customer[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `/api/v1/customers?${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await client.get(url);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as CustomerPage;
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

beforeAll(async () => {
  const now = Date.now();
  const east = [...p.customers.eastManager, ...p.customers.r1, ...p.customers.r2];
  const days = [0.5, 3.5, 10.5, 19.5, 20.5, 20.5, 45.5, 90.5, 200.5];
  entered = new Map();
  // The two 20.5-day customers share one instant: the list must break the tie by id across pages.
  const tie = new Date(now - 20.5 * DAY_MS);
  for (const [i, id] of east.entries()) {
    const at = days[i] === 20.5 ? tie : new Date(now - days[i]! * DAY_MS);
    entered.set(id, at);
    await setEntered(id, at);
  }
});

describe('days in the current stage', () => {
  it('every customer answers its stage-entered time and whole days since', async () => {
    const id = p.customers.r1[1]!; // 20.5 days
    const detail = (await p.clients.r1.get(`/api/v1/customers/${id}`)).json() as Customer;
    expect(detail.daysInStage).toBe(20);
    expect(new Date(detail.stageEnteredAt).getTime()).toBe(entered.get(id)!.getTime());
    const listed = (await p.clients.r1.get('/api/v1/customers?limit=200')).json() as CustomerPage;
    expect(listed.items.find((c) => c.id === id)?.daysInStage).toBe(20);
  });

  it('sorts by days in stage, longest first, page by page without gaps or repeats', async () => {
    const expected = [...entered]
      .sort(([a, x], [b, y]) => x.getTime() - y.getTime() || a.localeCompare(b))
      .map(([id]) => id);
    const longest = await allPages(p.clients.eastManager, 'sort=-daysInStage');
    expect(longest.map((c) => c.id)).toEqual(expected);
    expect(longest.map((c) => c.daysInStage)).toEqual([200, 90, 45, 20, 20, 19, 10, 3, 0]);
    const shortest = await allPages(p.clients.eastManager, 'sort=daysInStage');
    expect(shortest.map((c) => c.id)).toEqual([...expected].reverse());
  });

  it('filters by at least, at most and between N days, combined with stage and sort', async () => {
    const daysOf = async (query: string) =>
      (await allPages(p.clients.eastManager, `${query}&sort=-daysInStage`)).map((c) => c.daysInStage);
    expect(await daysOf('daysInStageMin=20')).toEqual([200, 90, 45, 20, 20]);
    expect(await daysOf('daysInStageMax=20')).toEqual([20, 20, 19, 10, 3, 0]);
    expect(await daysOf('daysInStageMin=10&daysInStageMax=45')).toEqual([45, 20, 20, 19, 10]);
    expect(await daysOf('daysInStageMin=0&daysInStageMax=0')).toEqual([0]);
    expect(await daysOf('stage=prospect&daysInStageMin=90')).toEqual([200, 90]);
    const total = (await p.clients.eastManager.get('/api/v1/customers?daysInStageMin=20')).json() as CustomerPage;
    expect(total).toMatchObject({ total: 5, totalIsEstimate: false });
    // r3 (west) is outside the manager's scope, whatever its days.
    await setEntered(p.customers.r3[0]!, new Date(Date.now() - 500 * DAY_MS));
    expect(await daysOf('daysInStageMin=300')).toEqual([]);
  });

  it('the export carries days in stage, and follows the list’s days-in-stage filter and sort', async () => {
    const response = await p.clients.eastManager.get(
      '/api/v1/customers/export?format=csv&daysInStageMin=20&sort=-daysInStage',
    );
    expect(response.statusCode).toBe(200);
    const rows = csvRows(response);
    expect(columnOf(rows, '在当前阶段天数')).toEqual(['200', '90', '45', '20', '20']);
  });

  it('rejects a negative or non-numeric day count naming the field', async () => {
    for (const query of ['daysInStageMin=-1', 'daysInStageMax=abc', 'sort=-daysInStag']) {
      const response = await p.clients.r1.get(`/api/v1/customers?${query}`);
      expect(response.statusCode, query).toBe(400);
    }
    const response = await p.clients.r1.get('/api/v1/customers?daysInStageMin=-1');
    expect(JSON.stringify(response.json())).toContain('daysInStageMin');
  });
});
