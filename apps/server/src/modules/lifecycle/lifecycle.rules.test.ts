import fc from 'fast-check';
import type { Stage } from '@guanxi/contract';
import { describe, expect, it } from 'vitest';
import { needsApproval, stageAfterOpportunityOpened, stageAfterOrderEvent, stuckPeriod } from './lifecycle.rules.js';
import { DAY_MS } from '../../platform/time/index.js';

const expectedForCount = (count: number, before: Stage): Stage =>
  count >= 2 ? 'repeat' : count === 1 ? 'first_purchase' : before;

describe('order rules', () => {
  it('the first confirmed order makes a first-time buyer, the second a repeat customer', () => {
    const base = { kind: 'confirmed' as const, stageBeforePurchase: 'interested' as Stage };
    expect(stageAfterOrderEvent({ ...base, current: 'interested', confirmedCount: 1 })).toBe('first_purchase');
    expect(stageAfterOrderEvent({ ...base, current: 'first_purchase', confirmedCount: 2 })).toBe('repeat');
    expect(stageAfterOrderEvent({ ...base, current: 'lost', confirmedCount: 3 })).toBe('repeat');
  });

  it('a cancellation goes back to first purchase, or to the stage before the first purchase', () => {
    const base = { kind: 'cancelled' as const, stageBeforePurchase: 'interested' as Stage };
    expect(stageAfterOrderEvent({ ...base, current: 'repeat', confirmedCount: 1 })).toBe('first_purchase');
    expect(stageAfterOrderEvent({ ...base, current: 'first_purchase', confirmedCount: 0 })).toBe('interested');
  });

  it('a cancellation leaves a customer moved out of the purchase stages by hand where it is', () => {
    expect(
      stageAfterOrderEvent({ kind: 'cancelled', current: 'lost', confirmedCount: 0, stageBeforePurchase: 'prospect' }),
    ).toBe('lost');
  });

  it('any sequence of confirmations and cancellations leaves the stage consistent with the confirmed count', () => {
    const start = fc.constantFrom<Stage>('prospect', 'interested');
    // Each step confirms a new order or cancels one of the orders confirmed so far (or an unknown one).
    const steps = fc.array(
      fc.oneof(
        fc.constant({ kind: 'confirmed' as const }),
        fc.record({ kind: fc.constant('cancelled' as const), pick: fc.nat() }),
      ),
      {
        maxLength: 40,
      },
    );
    fc.assert(
      fc.property(start, steps, (initial, sequence) => {
        let stage = initial;
        let live = 0;
        for (const step of sequence) {
          if (step.kind === 'confirmed') live++;
          else if (live > 0 && step.pick % 3 !== 0) {
            live--;
          } else continue; // an unknown or already cancelled order changes nothing
          stage = stageAfterOrderEvent({
            kind: step.kind,
            current: stage,
            confirmedCount: live,
            stageBeforePurchase: initial,
          });
          expect(stage).toBe(expectedForCount(live, initial));
        }
        expect(stage).toBe(expectedForCount(live, initial));
      }),
      { numRuns: 300 },
    );
  });
});

describe('other rules', () => {
  it('an opened opportunity makes only a prospect interested', () => {
    expect(stageAfterOpportunityOpened('prospect')).toBe('interested');
    for (const stage of ['interested', 'first_purchase', 'repeat', 'lost'] as Stage[])
      expect(stageAfterOpportunityOpened(stage)).toBe(stage);
  });

  it('approval applies to the configured pair or to any stage when the rule has no from', () => {
    expect(needsApproval([{ from: null, to: 'lost' }], 'repeat', 'lost')).toBe(true);
    expect(needsApproval([{ from: 'prospect', to: 'lost' }], 'repeat', 'lost')).toBe(false);
    expect(needsApproval([{ from: 'prospect', to: 'lost' }], 'prospect', 'lost')).toBe(true);
    expect(needsApproval([], 'prospect', 'lost')).toBe(false);
  });

  it('a customer is stuck only after the expected dwell, with a new alert period every 7 days', () => {
    const enteredAt = new Date('2026-01-01T00:00:00Z');
    const at = (days: number) => new Date(enteredAt.getTime() + days * DAY_MS);
    expect(stuckPeriod({ enteredAt, dwellDays: 15, now: at(15) })).toBeNull();
    expect(stuckPeriod({ enteredAt, dwellDays: 15, now: at(15.5) })).toBe(0);
    expect(stuckPeriod({ enteredAt, dwellDays: 15, now: at(21.9) })).toBe(0);
    expect(stuckPeriod({ enteredAt, dwellDays: 15, now: at(22.1) })).toBe(1);
    expect(stuckPeriod({ enteredAt, dwellDays: null, now: at(999) })).toBeNull();
  });

  it('alert periods never decrease as time passes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.nat({ max: 2000 }), fc.nat({ max: 2000 }), (dwell, a, b) => {
        const enteredAt = new Date(0);
        const p1 = stuckPeriod({ enteredAt, dwellDays: dwell, now: new Date(Math.min(a, b) * DAY_MS) }) ?? -1;
        const p2 = stuckPeriod({ enteredAt, dwellDays: dwell, now: new Date(Math.max(a, b) * DAY_MS) }) ?? -1;
        expect(p2).toBeGreaterThanOrEqual(p1);
      }),
    );
  });
});
