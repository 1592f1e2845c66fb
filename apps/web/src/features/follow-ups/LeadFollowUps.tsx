import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFollowUpTimeline } from './FollowUpPanel';

/** The follow-ups of a lead, newest first, with the "log follow-up" button. */
export function LeadFollowUps({ leadId }: { leadId: string }) {
  const { t } = useTranslation();
  const { entries, toolbar, isPending } = useFollowUpTimeline({ leadId });
  return (
    <div data-testid="lead-follow-ups">
      <Typography.Title level={5}>{t('followUp.title')}</Typography.Title>
      {toolbar}
      {!isPending && entries.length === 0 ? (
        <Empty description={t('followUp.empty')} />
      ) : (
        <Timeline items={entries.map((entry) => ({ key: entry.key, color: entry.color, content: entry.content }))} />
      )}
    </div>
  );
}
