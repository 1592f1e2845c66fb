import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../platform/session.queries';
import { useFollowUpCadence } from './stageStrategy.queries';

function CadenceHint({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { data } = useFollowUpCadence(customerId);
  if (!data || data.everyDays === null) return null;
  const values = { every: data.everyDays, count: data.daysSinceLastFollowUp };
  if (!data.overdue)
    return (
      <Typography.Text type="secondary" data-testid="follow-up-cadence">
        {t('followUpCadence.onTrack', values)}
      </Typography.Text>
    );
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="follow-up-cadence"
      title={t(data.hasFollowUp ? 'followUpCadence.overdue' : 'followUpCadence.overdueNever', values)}
    />
  );
}

/**
 * The customer page's line about the stage's follow-up cadence: a warning once the last follow-up
 * is older than the stage strategy asks, a quiet note otherwise, nothing for a stage without one.
 */
export function FollowUpCadenceHint({ customerId }: { customerId: string }) {
  return useHasPermission('lifecycle.view') ? <CadenceHint customerId={customerId} /> : null;
}
