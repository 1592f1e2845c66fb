import { Card, Empty, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFollowUpTimeline } from './FollowUpPanel';

/**
 * The follow-ups written on an opportunity, newest first, with the "log follow-up" button: a
 * follow-up logged here belongs to the opportunity and to its customer's timeline.
 */
export function OpportunityFollowUps({ opportunityId, customerId }: { opportunityId: string; customerId: string }) {
  const { t } = useTranslation();
  const { entries, toolbar, isPending } = useFollowUpTimeline({ customerId, opportunityId });
  return (
    <Card size="small" title={t('followUp.title')} data-testid="opportunity-follow-ups">
      {toolbar}
      {!isPending && entries.length === 0 ? (
        <Empty description={t('followUp.empty')} />
      ) : (
        <Timeline items={entries.map((entry) => ({ key: entry.key, color: entry.color, content: entry.content }))} />
      )}
    </Card>
  );
}
