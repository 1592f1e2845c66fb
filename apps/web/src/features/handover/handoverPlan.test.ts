import type { HandoverSummary } from '@guanxi/contract';
import { describe, expect, it } from 'vitest';
import { handoverBody, heldGroups, isChosen } from './handoverPlan';

const summary = (counts: Record<string, number>): HandoverSummary => ({
  user: { id: '00000000-0000-7000-8000-000000000001', displayName: '刘小红', disabled: false },
  groups: Object.entries(counts).map(([group, count]) => ({ group, count, items: [] })) as HandoverSummary['groups'],
  submittedPending: 0,
});

describe('the hand-over request the wizard sends', () => {
  it('names a target only for the groups that hold something, each with one kind of target', () => {
    const held = summary({ customers: 3, leads: 1, orders: 0, tasks: 2 });
    expect(heldGroups(held).map((g) => g.group)).toEqual(['customers', 'leads', 'tasks']);
    const body = handoverBody(held, {
      customers: { toPool: false, userIds: ['a', 'b'] },
      leads: { toPool: true, userIds: ['a'] },
      orders: { toPool: false, userIds: ['a'] },
      tasks: { toPool: false, userIds: ['c'] },
    });
    expect(body).toEqual({ customers: { userIds: ['a', 'b'] }, leads: { toPool: true }, tasks: { userIds: ['c'] } });
  });

  it('a group without colleagues or the pool is not chosen yet', () => {
    expect(isChosen(undefined)).toBe(false);
    expect(isChosen({ toPool: false, userIds: [] })).toBe(false);
    expect(isChosen({ toPool: true, userIds: [] })).toBe(true);
  });
});
