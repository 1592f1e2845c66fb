import type { RelationshipReason } from '@guanxi/contract';
import type { TFunction } from 'i18next';
import { formatMoney } from '../../platform/money';

/** The sentence behind a relationship phase, from the numbers the server computed. */
export function relationshipReasonText(t: TFunction, reason: RelationshipReason, locale: string): string {
  const amount = (fen: number | null) => formatMoney(Math.round(fen ?? 0), undefined, locale);
  const values = {
    occasions: reason.occasions,
    daysSinceLast: reason.daysSinceLast ?? 0,
    expected: reason.expectedIntervalDays ?? 0,
    window: reason.windowDays ?? 0,
    before: reason.code === 'amount_drop' ? amount(reason.before) : (reason.before ?? 0),
    now: reason.code === 'amount_drop' ? amount(reason.now) : (reason.now ?? 0),
  };
  return t(`relationship.reasons.${reason.code}`, values);
}
