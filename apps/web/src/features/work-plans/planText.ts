import type { PlanKind } from '@guanxi/contract';
import type { TFunction } from 'i18next';

export function planPeriodText(t: TFunction, kind: PlanKind, start: string, end: string): string {
  return `${t(`plan.kinds.${kind}`)} ${start === end ? start : `${start} ~ ${end}`}`;
}

export const PLAN_STATUS_COLORS = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  commented: 'warning',
} as const;
