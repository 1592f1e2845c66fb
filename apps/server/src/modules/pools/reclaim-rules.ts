import type { PoolRules, Stage } from '@guanxi/contract';
import { DAY_MS } from '../../platform/time/index.js';

/** Stages that count as "won" for the reclaim rules (domain §3). */
export const WON_STAGES: readonly string[] = ['first_purchase', 'repeat'] satisfies Stage[];

/** What the reclaim rules look at on a customer. */
export interface ReclaimSubject {
  ownerId: string | null;
  tier: string | null;
  stage: string;
  locked: boolean;
  lastFollowUpAt: Date | null;
  /** Start of the current ownership. */
  ownedSince: Date;
}

export type ReclaimRules = Pick<PoolRules, 'noFollowUpDays' | 'tierNoFollowUpDays' | 'notWonDays' | 'excludeWon'>;

/**
 * Days without a follow-up allowed for this customer: its level's own days (keyed by the level's
 * dictionary code, built-in or added by an admin), else the pool default. Own properties only, so a
 * level code such as `constructor` never reads the prototype.
 */
export function noFollowUpDaysFor(tier: string | null, rules: ReclaimRules): number | null {
  const overrides: Partial<Record<string, number>> = rules.tierNoFollowUpDays;
  const override = tier !== null && Object.hasOwn(overrides, tier) ? overrides[tier] : undefined;
  return override ?? rules.noFollowUpDays;
}

/**
 * The distinct "no follow-up" thresholds of a pool's rules, each with the levels it applies to:
 * one group per distinct override value, plus the pool default for customers without a level or
 * with a level that has no days of its own (`otherLevels`, then `tiers` lists the excluded codes).
 * The reclaim queries turn each group into one SQL condition.
 */
export function noFollowUpThresholds(rules: ReclaimRules): { days: number; tiers: string[]; otherLevels: boolean }[] {
  const byDays = new Map<number, string[]>();
  for (const [tier, days] of Object.entries(rules.tierNoFollowUpDays))
    byDays.set(days, [...(byDays.get(days) ?? []), tier]);
  const groups = [...byDays].map(([days, tiers]) => ({ days, tiers: tiers.sort(), otherLevels: false }));
  if (rules.noFollowUpDays !== null)
    groups.push({ days: rules.noFollowUpDays, tiers: Object.keys(rules.tierNoFollowUpDays).sort(), otherLevels: true });
  return groups;
}

/**
 * The moment the customer falls back into the pool, or null when no rule applies: not owned,
 * locked, won while won customers are excluded, or every rule switched off.
 */
export function reclaimDeadline(customer: ReclaimSubject, rules: ReclaimRules): Date | null {
  if (customer.ownerId === null || customer.locked) return null;
  const isWon = WON_STAGES.includes(customer.stage);
  if (isWon && rules.excludeWon) return null;
  const deadlines: number[] = [];
  const followUpDays = noFollowUpDaysFor(customer.tier, rules);
  if (followUpDays !== null) {
    const clock = Math.max(customer.ownedSince.getTime(), customer.lastFollowUpAt?.getTime() ?? -Infinity);
    deadlines.push(clock + followUpDays * DAY_MS);
  }
  if (rules.notWonDays !== null && !isWon) deadlines.push(customer.ownedSince.getTime() + rules.notWonDays * DAY_MS);
  return deadlines.length === 0 ? null : new Date(Math.min(...deadlines));
}

/**
 * Whole days until the nightly reclaim takes the customer (rounded up); 0 or less means due now
 * (negative: overdue by that many days). Null when the customer is never reclaimed. The customer
 * page, the reminder and the reclaim job all use this one function (domain §3).
 *
 * @example daysUntilReclaim({ …, ownedSince: jan1, lastFollowUpAt: null, tier: null }, defaults, jan2) // 29
 */
export function daysUntilReclaim(customer: ReclaimSubject, rules: ReclaimRules, now: Date): number | null {
  const deadline = reclaimDeadline(customer, rules);
  if (deadline === null) return null;
  // `+ 0` turns -0 into 0.
  return Math.ceil((deadline.getTime() - now.getTime()) / DAY_MS) + 0;
}

export const isDueForReclaim = (customer: ReclaimSubject, rules: ReclaimRules, now: Date): boolean => {
  const days = daysUntilReclaim(customer, rules, now);
  return days !== null && days <= 0;
};

/** The reminder goes out once the customer is within `reminderDaysBefore` days of the reclaim. */
export function isDueForReminder(
  customer: ReclaimSubject,
  rules: ReclaimRules & Pick<PoolRules, 'reminderDaysBefore'>,
  now: Date,
): boolean {
  const days = daysUntilReclaim(customer, rules, now);
  return days !== null && days > 0 && days <= rules.reminderDaysBefore;
}
