import type { ApprovalRule, Stage } from '@guanxi/contract';
import { DAY_MS } from '../../platform/time/index.js';

/** Rule ids written into the transition log for automatic moves. */
export const RULES = {
  opportunityOpened: 'rule.opportunity_opened',
  orderConfirmed: 'rule.order_confirmed',
  orderCancelled: 'rule.order_cancelled',
  inactivityLost: 'rule.inactivity_lost',
} as const;

/** Stages that follow from the number of confirmed orders. */
const PURCHASE_STAGES: readonly Stage[] = ['first_purchase', 'repeat'];

/** The purchase stage a confirmed-order count stands for: 1 → first purchase, 2+ → repeat. */
const purchaseStageFor = (confirmedCount: number): Stage | null =>
  confirmedCount >= 2 ? 'repeat' : confirmedCount === 1 ? 'first_purchase' : null;

/**
 * The stage after an order event, given the confirmed-order count after it.
 * - confirmed: the purchase stage of the count (a lost customer who buys again comes back);
 * - cancelled: only a purchase stage is recomputed; with no confirmed order left the customer
 *   returns to the stage it had before its first purchase. A customer moved elsewhere by hand
 *   (e.g. lost) stays there.
 */
export function stageAfterOrderEvent(input: {
  kind: 'confirmed' | 'cancelled';
  current: Stage;
  confirmedCount: number;
  stageBeforePurchase: Stage;
}): Stage {
  const target = purchaseStageFor(input.confirmedCount);
  if (input.kind === 'confirmed') return target ?? input.current;
  if (!PURCHASE_STAGES.includes(input.current)) return input.current;
  return target ?? input.stageBeforePurchase;
}

/** Opening an opportunity makes a prospect interested; any later stage stays. */
export const stageAfterOpportunityOpened = (current: Stage): Stage => (current === 'prospect' ? 'interested' : current);

/** Whether a manual move needs approval: a rule for exactly this `from`, or for any stage (null). */
export const needsApproval = (rules: readonly ApprovalRule[], from: Stage, to: Stage): boolean =>
  rules.some((rule) => rule.to === to && (rule.from === null || rule.from === from));

/** Default rule: no confirmed order for this many days after a purchase → lost (domain §2). */
export const LOST_AFTER_DAYS = 365;
/** Stuck customers are alerted again every this many days (domain §2). */
export const STUCK_REPEAT_DAYS = 7;

/**
 * Which alert period a customer is in: null while within the stage's expected dwell, then 0 for
 * the first alert, 1 after another 7 days, and so on. With the stage entry time it makes the
 * dedupe key, so a job run twice alerts once.
 */
export function stuckPeriod(input: {
  enteredAt: Date;
  dwellDays: number | null;
  now: Date;
  repeatDays?: number;
}): number | null {
  if (input.dwellDays === null) return null;
  const overdue = input.now.getTime() - input.enteredAt.getTime() - input.dwellDays * DAY_MS;
  if (overdue <= 0) return null;
  return Math.floor(overdue / ((input.repeatDays ?? STUCK_REPEAT_DAYS) * DAY_MS));
}
