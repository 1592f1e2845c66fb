import type { TFunction } from 'i18next';

/** The server's rule ids (lifecycle.rules.ts) → catalog keys: a rule is named, never shown as its id. */
const RULE_KEYS = {
  'rule.opportunity_opened': 'lifecycle.rule_opportunityOpened',
  'rule.order_confirmed': 'lifecycle.rule_orderConfirmed',
  'rule.order_cancelled': 'lifecycle.rule_orderCancelled',
  'rule.inactivity_lost': 'lifecycle.rule_inactivityLost',
} as const;

/** The domain events that start a stage move → catalog keys. */
const EVENT_KEYS = {
  'customer.created': 'lifecycle.event_customerCreated',
  'opportunity.opened': 'lifecycle.event_opportunityOpened',
  'order.confirmed': 'lifecycle.event_orderConfirmed',
  'order.cancelled': 'lifecycle.event_orderCancelled',
  'job.inactivity': 'lifecycle.event_inactivity',
} as const;

const known = <T extends object>(map: T, code: string): code is Extract<keyof T, string> => code in map;

/** "系统规则：确认订单后的阶段规则"; an unknown (newer) rule reads as a plain system rule. */
export function ruleText(t: TFunction, ruleId: string | null): string {
  return ruleId !== null && known(RULE_KEYS, ruleId)
    ? t('lifecycle.byRule', { rule: t(RULE_KEYS[ruleId]) })
    : t('lifecycle.bySystem');
}

/** "触发事件：订单确认"; null for an event without a name yet (the move's reason and rule still say why). */
export function eventText(t: TFunction, event: string | null): string | null {
  return event !== null && known(EVENT_KEYS, event) ? t('lifecycle.event', { event: t(EVENT_KEYS[event]) }) : null;
}
