import type { LeadStatus } from '@guanxi/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEAD_STATUS_COLORS } from './leadOptions';

export function LeadStatusTag({ status }: { status: LeadStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={LEAD_STATUS_COLORS[status]} data-testid="lead-status">
      {t(`leadStatus.${status}`)}
    </Tag>
  );
}
