import type { OpportunityStageChange } from '@guanxi/contract';
import { Alert, Spin, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useOpportunityHistory } from './opportunities.queries';

/** The logged stage moves and the close of an opportunity, oldest first. */
export function StageHistory({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  const history = useOpportunityHistory(opportunityId);
  const describe = (change: OpportunityStageChange): string => {
    if (change.fromStageId === null) return t('opportunity.historyOpened', { stage: change.toStageName });
    if (change.toStatus !== 'open') {
      return t('opportunity.historyClosed', {
        status: t(`opportunityStatus.${change.toStatus}`),
        stage: change.toStageName,
      });
    }
    return t('opportunity.historyMoved', { from: change.fromStageName ?? '', to: change.toStageName });
  };
  if (history.isPending) return <Spin />;
  if (history.isError) return <Alert type="error" showIcon title={history.error.message} />;
  return (
    <Timeline
      data-testid="opportunity-history"
      items={history.data.items.map((change) => ({
        key: change.id,
        color: change.toStatus === 'won' ? 'green' : change.toStatus === 'open' ? 'blue' : 'gray',
        content: (
          <>
            <div>{describe(change)}</div>
            {change.reason && <Typography.Text type="secondary">{change.reason}</Typography.Text>}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {dayjs(change.at).format('YYYY-MM-DD HH:mm')} · {change.actorName ?? t('common.empty')}
              </Typography.Text>
            </div>
          </>
        ),
      }))}
    />
  );
}
