import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../test/demo-organization.js';
import { useDemoContext } from '../../test/demo-context.js';

const ctx = useDemoContext({ customerCount: 40 });

describe('expenses: demo data', () => {
  it('a demo rep has approved, pending and draft expenses; their manager has the pending one to approve', async () => {
    const rep = await ctx.login('east.rep1', DEMO_PASSWORD);
    const mine = (await rep.get('/api/v1/expenses?mine=true')).json().items as {
      status: string;
      customerId: string | null;
    }[];
    expect(new Set(mine.map((e) => e.status))).toEqual(new Set(['approved', 'pending', 'draft']));
    expect(mine.some((e) => e.customerId !== null)).toBe(true);

    const manager = await ctx.login('east.manager', DEMO_PASSWORD);
    const todo = (await manager.get('/api/v1/approvals?box=todo&businessType=expense')).json().items;
    expect(todo.length).toBeGreaterThanOrEqual(2);
    const pending = (await manager.get('/api/v1/expenses?status=pending')).json().items;
    expect(pending).toHaveLength(todo.length);
  });
});
