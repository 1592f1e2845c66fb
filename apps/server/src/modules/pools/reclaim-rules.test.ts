import { DEFAULT_POOL_RULES } from '@guanxi/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysUntilReclaim,
  noFollowUpDaysFor,
  noFollowUpThresholds,
  isDueForReclaim,
  isDueForReminder,
  reclaimDeadline,
  type ReclaimRules,
  type ReclaimSubject,
} from './reclaim-rules.js';
import { DAY_MS } from '../../platform/time/index.js';

const base = Date.UTC(2026, 0, 1);
const date = fc.integer({ min: 0, max: 400 * DAY_MS }).map((offset) => new Date(base + offset));
const days = fc.option(fc.integer({ min: 1, max: 400 }), { nil: null });
const TIER_CODES = ['A', 'B', 'C', 'D', 'VIP', 'constructor'];
const rules: fc.Arbitrary<ReclaimRules> = fc.record({
  noFollowUpDays: days,
  tierNoFollowUpDays: fc.dictionary(fc.constantFrom(...TIER_CODES), fc.integer({ min: 1, max: 400 })),
  notWonDays: days,
  excludeWon: fc.boolean(),
});
const customer: fc.Arbitrary<ReclaimSubject> = fc.record({
  ownerId: fc.option(fc.constant('owner'), { nil: null, freq: 5 }),
  // Levels an admin added (dictionaries) may or may not have days of their own.
  tier: fc.constantFrom(null, ...TIER_CODES),
  stage: fc.constantFrom('prospect', 'interested', 'first_purchase', 'repeat', 'lost'),
  locked: fc.boolean(),
  lastFollowUpAt: fc.option(date, { nil: null }),
  ownedSince: date,
});

const owned = (overrides: Partial<ReclaimSubject> = {}): ReclaimSubject => ({
  ownerId: 'owner',
  tier: null,
  stage: 'prospect',
  locked: false,
  lastFollowUpAt: null,
  ownedSince: new Date(base),
  ...overrides,
});

describe('daysUntilReclaim', () => {
  it('never grows as time passes', () => {
    fc.assert(
      fc.property(customer, rules, date, date, (c, r, a, b) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        const before = daysUntilReclaim(c, r, earlier);
        const after = daysUntilReclaim(c, r, later);
        expect(after === null).toBe(before === null);
        if (before !== null && after !== null) expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('is 0 or less exactly when the deadline has passed, and due customers are due', () => {
    fc.assert(
      fc.property(customer, rules, date, (c, r, now) => {
        const deadline = reclaimDeadline(c, r);
        const d = daysUntilReclaim(c, r, now);
        if (deadline === null) {
          expect(d).toBeNull();
          return;
        }
        expect(d! <= 0).toBe(deadline.getTime() <= now.getTime());
        expect(isDueForReclaim(c, r, now)).toBe(d! <= 0);
      }),
    );
  });

  it('is null for locked customers, customers in the pool and won customers when won ones are excluded', () => {
    fc.assert(
      fc.property(customer, rules, date, (c, r, now) => {
        expect(daysUntilReclaim({ ...c, locked: true }, r, now)).toBeNull();
        expect(daysUntilReclaim({ ...c, ownerId: null }, r, now)).toBeNull();
        expect(daysUntilReclaim({ ...c, stage: 'repeat' }, { ...r, excludeWon: true }, now)).toBeNull();
      }),
    );
  });

  it('counts from the later of the last follow-up and the start of ownership', () => {
    fc.assert(
      fc.property(customer, rules, date, (c, r, now) => {
        const noWonRule = { ...r, notWonDays: null };
        const later = new Date(Math.max(c.ownedSince.getTime(), c.lastFollowUpAt?.getTime() ?? 0));
        const collapsed = { ...c, ownedSince: later, lastFollowUpAt: later };
        expect(daysUntilReclaim(c, noWonRule, now)).toBe(daysUntilReclaim(collapsed, noWonRule, now));
      }),
    );
  });

  it('uses the tier override instead of the pool default when one is set', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('A', 'B', 'C', 'D', 'constructor'),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 400 }),
        (tier, override, fallback) => {
          const r: ReclaimRules = {
            noFollowUpDays: fallback,
            tierNoFollowUpDays: { [tier]: override },
            notWonDays: null,
            excludeWon: true,
          };
          expect(daysUntilReclaim(owned({ tier }), r, new Date(base))).toBe(override);
          expect(daysUntilReclaim(owned({ tier: null }), r, new Date(base))).toBe(fallback);
        },
      ),
    );
  });

  it('applies the defaults: A 60, B 30, C 15, untiered 30 days, unwon 90 days', () => {
    const now = new Date(base + 10 * DAY_MS);
    expect(daysUntilReclaim(owned({ tier: 'A' }), DEFAULT_POOL_RULES, now)).toBe(50);
    expect(daysUntilReclaim(owned({ tier: 'B' }), DEFAULT_POOL_RULES, now)).toBe(20);
    expect(daysUntilReclaim(owned({ tier: 'C' }), DEFAULT_POOL_RULES, now)).toBe(5);
    expect(daysUntilReclaim(owned(), DEFAULT_POOL_RULES, now)).toBe(20);
    // Followed up every month, but still not won after 90 days.
    const followedUp = owned({ tier: 'A', lastFollowUpAt: new Date(base + 85 * DAY_MS) });
    expect(daysUntilReclaim(followedUp, DEFAULT_POOL_RULES, new Date(base + 88 * DAY_MS))).toBe(2);
    expect(daysUntilReclaim(owned({ stage: 'first_purchase' }), DEFAULT_POOL_RULES, now)).toBeNull();
  });

  it('a partial day left still counts as one day; an exact deadline is due', () => {
    const r = { ...DEFAULT_POOL_RULES, notWonDays: null };
    expect(daysUntilReclaim(owned(), r, new Date(base + 29.5 * DAY_MS))).toBe(1);
    expect(daysUntilReclaim(owned(), r, new Date(base + 30 * DAY_MS))).toBe(0);
    expect(daysUntilReclaim(owned(), r, new Date(base + 32.5 * DAY_MS))).toBe(-2);
  });

  it('reminds within the configured days before the reclaim, never after it is due', () => {
    const r = { ...DEFAULT_POOL_RULES, notWonDays: null };
    expect(isDueForReminder(owned(), r, new Date(base + 27 * DAY_MS))).toBe(false);
    expect(isDueForReminder(owned(), r, new Date(base + 28 * DAY_MS))).toBe(true);
    expect(isDueForReminder(owned(), r, new Date(base + 29.9 * DAY_MS))).toBe(true);
    expect(isDueForReminder(owned(), r, new Date(base + 30 * DAY_MS))).toBe(false);
  });
});

describe('levels added by an admin', () => {
  it('a level with days of its own uses them; one without is reclaimed after the pool default', () => {
    const rules = { ...DEFAULT_POOL_RULES, noFollowUpDays: 30, tierNoFollowUpDays: { A: 60, C: 15, D: 5 } };
    expect(noFollowUpDaysFor('A', rules)).toBe(60);
    expect(noFollowUpDaysFor('D', rules)).toBe(5);
    expect(noFollowUpDaysFor('B', rules)).toBe(30);
    expect(noFollowUpDaysFor('VIP', rules)).toBe(30);
    // A code that happens to name an object property is a level like any other.
    expect(noFollowUpDaysFor('constructor', rules)).toBe(30);
    expect(noFollowUpDaysFor(null, rules)).toBe(30);
  });
});

describe('the thresholds the reclaim query groups customers by', () => {
  it('one group per distinct override value, and the pool default for every other level', () => {
    const rules = { ...DEFAULT_POOL_RULES, noFollowUpDays: 30, tierNoFollowUpDays: { A: 60, B: 30, C: 15, D: 15 } };
    expect(noFollowUpThresholds(rules)).toEqual([
      { days: 60, tiers: ['A'], otherLevels: false },
      { days: 30, tiers: ['B'], otherLevels: false },
      { days: 15, tiers: ['C', 'D'], otherLevels: false },
      { days: 30, tiers: ['A', 'B', 'C', 'D'], otherLevels: true },
    ]);
    expect(noFollowUpThresholds({ ...rules, noFollowUpDays: null, tierNoFollowUpDays: {} })).toEqual([]);
  });

  it("every customer's own threshold is one of the groups that applies to it", () => {
    fc.assert(
      fc.property(customer, rules, (c, r) => {
        const own = noFollowUpDaysFor(c.tier, r);
        const applying = noFollowUpThresholds(r).filter((g) =>
          g.otherLevels ? c.tier === null || !g.tiers.includes(c.tier) : c.tier !== null && g.tiers.includes(c.tier),
        );
        expect(applying.map((g) => g.days)).toEqual(own === null ? [] : [own]);
      }),
    );
  });
});
