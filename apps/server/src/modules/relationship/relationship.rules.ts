import type { IntervalSource, RelationshipPhase, RelationshipReason } from '@guanxi/contract';

/** One purchase occasion: a calendar day (org time zone) with orders, and their total in fen. */
export interface PurchaseOccasion {
  day: string;
  amountFen: number;
}

export interface PhaseInput {
  /** Ascending by day, one entry per day: several orders on one day are one occasion. */
  occasions: readonly PurchaseOccasion[];
  /** Set on the customer by hand. */
  customerIntervalDays: number | null;
  /** The shortest repurchase interval of the product categories the customer bought. */
  categoryIntervalDays: number | null;
  /** Today in the org's time zone, `YYYY-MM-DD`. */
  today: string;
}

export interface PhaseResult {
  phase: RelationshipPhase;
  reason: RelationshipReason;
}

/** Without a setting and with a single occasion, a customer is expected to buy again within this many days. */
export const DEFAULT_INTERVAL_DAYS = 180;
/** The own-history interval is never taken shorter than this: two orders a day apart are not a rhythm. */
const MIN_HISTORY_INTERVAL_DAYS = 30;
/** Decline when the time since the last purchase exceeds this factor × the expected interval (domain §2). */
export const DECLINE_FACTOR = 2;
/** The rhythm drops compare the last window with the average of up to four earlier ones. */
export const DROP_WINDOW_DAYS = 120;
const MAX_BASELINE_WINDOWS = 4;
/** A drop: the last window at most this share of the earlier average. */
const DROP_RATIO = 0.5;
/** Fewer occasions per earlier window than this are too few to call a drop in frequency. */
const MIN_BASELINE_OCCASIONS = 1.5;

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function expectedInterval(input: PhaseInput, days: number[]): { days: number; source: IntervalSource } {
  if (input.customerIntervalDays !== null) return { days: input.customerIntervalDays, source: 'customer' };
  if (input.categoryIntervalDays !== null) return { days: input.categoryIntervalDays, source: 'category' };
  if (days.length >= 2) {
    const gaps = days.slice(1).map((d, i) => d - days[i]!);
    return { days: Math.max(MIN_HISTORY_INTERVAL_DAYS, Math.round(median(gaps))), source: 'history' };
  }
  return { days: DEFAULT_INTERVAL_DAYS, source: 'default' };
}

/** The last window against the average of the earlier full windows since the first purchase; null without two of them. */
function windows(input: PhaseInput, days: number[], today: number) {
  const recentStart = today - DROP_WINDOW_DAYS;
  const fullEarlier = Math.floor((recentStart - days[0]!) / DROP_WINDOW_DAYS);
  const k = Math.min(MAX_BASELINE_WINDOWS, fullEarlier);
  if (k < 2) return null;
  const baselineStart = recentStart - k * DROP_WINDOW_DAYS;
  let recentCount = 0;
  let recentAmount = 0;
  let earlierCount = 0;
  let earlierAmount = 0;
  input.occasions.forEach((o, i) => {
    const d = days[i]!;
    if (d > recentStart) {
      recentCount++;
      recentAmount += o.amountFen;
    } else if (d >= baselineStart) {
      earlierCount++;
      earlierAmount += o.amountFen;
    }
  });
  return { recentCount, recentAmount, beforeCount: earlierCount / k, beforeAmount: earlierAmount / k };
}

/**
 * The relationship phase (seed 003: 考察期 / 形成期 / 稳定期 / 衰退期) from the purchase rhythm,
 * with the reason a person can check:
 * - exploration: no purchase yet;
 * - decline, first of: the number of occasions in the last 120 days fell to at most half the
 *   average of the earlier 120-day windows (with at least 1.5 per window before); no purchase for
 *   longer than 2 × the expected interval (the customer's setting, else the categories bought,
 *   else the median gap of its own history, else 180 days); the amount of the last window fell to
 *   at most half the earlier average while orders go on;
 * - formation: one or two occasions; stability: three or more at the usual rhythm.
 * Same-day orders are one occasion, so a burst on one day neither makes a rhythm nor a decline.
 */
export function relationshipPhase(input: PhaseInput): PhaseResult {
  const n = input.occasions.length;
  const none = { daysSinceLast: null, expectedIntervalDays: null, intervalSource: null };
  const noWindow = { windowDays: null, before: null, now: null };
  if (n === 0) return { phase: 'exploration', reason: { code: 'no_purchase', occasions: 0, ...none, ...noWindow } };
  const today = dayNumber(input.today);
  const days = input.occasions.map((o) => dayNumber(o.day));
  const expected = expectedInterval(input, days);
  const base = {
    occasions: n,
    daysSinceLast: Math.max(0, today - days[n - 1]!),
    expectedIntervalDays: expected.days,
    intervalSource: expected.source,
  };
  const w = windows(input, days, today);
  if (w && w.beforeCount >= MIN_BASELINE_OCCASIONS && w.recentCount <= w.beforeCount * DROP_RATIO) {
    const drop = { windowDays: DROP_WINDOW_DAYS, before: round1(w.beforeCount), now: w.recentCount };
    return { phase: 'decline', reason: { code: 'frequency_drop', ...base, ...drop } };
  }
  if (base.daysSinceLast > DECLINE_FACTOR * expected.days)
    return { phase: 'decline', reason: { code: 'overdue', ...base, ...noWindow } };
  if (w && w.recentCount > 0 && w.beforeAmount > 0 && w.recentAmount <= w.beforeAmount * DROP_RATIO) {
    const drop = { windowDays: DROP_WINDOW_DAYS, before: Math.round(w.beforeAmount), now: w.recentAmount };
    return { phase: 'decline', reason: { code: 'amount_drop', ...base, ...drop } };
  }
  if (n < 3) return { phase: 'formation', reason: { code: 'few_purchases', ...base, ...noWindow } };
  return { phase: 'stability', reason: { code: 'regular', ...base, ...noWindow } };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
