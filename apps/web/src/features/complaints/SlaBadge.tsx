import type { Complaint } from '@guanxi/contract';
import { Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** Business minutes as "3 h 20 min" / "45 min". */
export function businessDuration(t: TFunction, minutes: number): string {
  const total = Math.abs(minutes);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h > 0 ? t('complaint.hours', { h, m }) : t('complaint.minutes', { m });
}

/** The running SLA clock: time left (green, orange in the last fifth) or overdue (red), in working time. */
export function SlaBadge({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  if (complaint.runningClock === null || complaint.businessMinutesLeft === null)
    return <Tag>{t(`complaint.states.${complaint.state}`)}</Tag>;
  const left = complaint.businessMinutesLeft;
  const clock = t(`complaint.clock.${complaint.runningClock}`);
  const time = businessDuration(t, left);
  const color = left < 0 ? 'red' : left <= 60 ? 'orange' : 'green';
  return (
    <Tooltip title={t('complaint.businessHint')}>
      <Tag color={color} data-testid="complaint-sla" style={{ whiteSpace: 'normal' }}>
        {left < 0 ? t('complaint.overdueBy', { clock, time }) : t('complaint.left', { clock, time })}
      </Tag>
    </Tooltip>
  );
}

export const SEVERITY_COLORS = { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' } as const;
