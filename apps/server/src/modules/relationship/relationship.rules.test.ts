import { describe, expect, it } from 'vitest';
import { addDays } from '../../platform/time/index.js';
import { relationshipPhase, type PurchaseOccasion } from './relationship.rules.js';

const TODAY = '2026-12-01';
const ago = (days: number, amountFen = 10_000): PurchaseOccasion => ({ day: addDays(TODAY, -days), amountFen });
const phaseOf = (occasions: PurchaseOccasion[], settings: { customer?: number; category?: number } = {}) =>
  relationshipPhase({
    occasions: [...occasions].sort((a, b) => a.day.localeCompare(b.day)),
    customerIntervalDays: settings.customer ?? null,
    categoryIntervalDays: settings.category ?? null,
    today: TODAY,
  });

describe('relationship phase rule', () => {
  it('a new customer without orders is in exploration, with no purchase as the reason', () => {
    expect(phaseOf([])).toEqual({
      phase: 'exploration',
      reason: expect.objectContaining({ code: 'no_purchase', occasions: 0, daysSinceLast: null }),
    });
  });

  it('a steady buyer (every 30 days for a year) is stable, at its own rhythm', () => {
    const monthly = Array.from({ length: 12 }, (_, i) => ago(10 + i * 30));
    expect(phaseOf(monthly)).toEqual({
      phase: 'stability',
      reason: expect.objectContaining({
        code: 'regular',
        occasions: 12,
        daysSinceLast: 10,
        expectedIntervalDays: 30,
        intervalSource: 'history',
      }),
    });
  });

  it('a burst of orders on one day (one occasion, as the job groups them): formation twenty days later, not decline', () => {
    const result = phaseOf([ago(20, 60_000)]);
    expect(result.phase).toBe('formation');
    expect(result.reason).toMatchObject({
      code: 'few_purchases',
      occasions: 1,
      expectedIntervalDays: 180,
      intervalSource: 'default',
    });
  });

  it('a lapsed buyer: four orders a quarter, none in the last 120 days, is in decline with the fall as the reason', () => {
    // Orders every 30 days from 480 to 150 days ago: 4 per earlier 120-day window, 0 in the last.
    const history = Array.from({ length: 12 }, (_, i) => ago(150 + i * 30));
    expect(phaseOf(history)).toEqual({
      phase: 'decline',
      reason: expect.objectContaining({ code: 'frequency_drop', windowDays: 120, before: 4, now: 0 }),
    });
  });

  it('one old order: decline once it is older than twice the default interval', () => {
    expect(phaseOf([ago(359)]).phase).toBe('formation');
    expect(phaseOf([ago(361)])).toEqual({
      phase: 'decline',
      reason: expect.objectContaining({ code: 'overdue', daysSinceLast: 361, expectedIntervalDays: 180 }),
    });
  });

  it("the customer's own interval wins over the category's, which wins over history", () => {
    const two = [ago(70), ago(100)];
    expect(phaseOf(two, { customer: 30 }).reason).toMatchObject({
      code: 'overdue',
      expectedIntervalDays: 30,
      intervalSource: 'customer',
    });
    expect(phaseOf(two, { category: 60 }).reason).toMatchObject({ code: 'few_purchases', intervalSource: 'category' });
    expect(phaseOf(two).reason).toMatchObject({ expectedIntervalDays: 30, intervalSource: 'history' });
  });

  it('orders go on but their amount halves: decline by amount, after the rhythm checks', () => {
    const big = Array.from({ length: 12 }, (_, i) => ago(130 + i * 30, 100_000));
    const small = [ago(10, 10_000), ago(40, 10_000), ago(70, 10_000), ago(100, 10_000)];
    expect(phaseOf([...big, ...small])).toEqual({
      phase: 'decline',
      reason: expect.objectContaining({ code: 'amount_drop', windowDays: 120, before: 400_000, now: 40_000 }),
    });
  });
});
