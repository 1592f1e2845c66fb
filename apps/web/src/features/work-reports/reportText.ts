import type { ReportKind } from '@guanxi/contract';
import type { TFunction } from 'i18next';

/** "日报 2026-11-23" or "周报 2026-11-23 ~ 2026-11-29". */
export function periodText(t: TFunction, kind: ReportKind, start: string, end: string): string {
  return `${t(`report.kinds.${kind}`)} ${start === end ? start : `${start} ~ ${end}`}`;
}

/** The work / plan field labels read "today / tomorrow" for a daily report, "this / next period" otherwise. */
export const fieldLabels = (t: TFunction, kind: ReportKind) => ({
  work: kind === 'daily' ? t('report.work') : t('report.workWeekly'),
  plan: kind === 'daily' ? t('report.plan') : t('report.planWeekly'),
  problems: t('report.problems'),
});
