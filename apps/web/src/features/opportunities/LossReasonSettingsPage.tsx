import { EditOutlined } from '@ant-design/icons';
import type { Competitor, LossReason } from '@guanxi/contract';
import { Alert, App, Button, Card, List, Space, Spin, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NewButton } from '../../platform/ui/NewButton';
import { CompetitorFormModal } from './CompetitorFormModal';
import { LossReasonFormModal } from './LossReasonFormModal';
import { useCompetitors, useLossReasons, useSaveCompetitor, useSaveLossReason } from './competition.queries';
import { useReasonLabel } from './opportunityLabels';

/** Archive or restore: one button, the record's version sent back. */
function ArchiveButton({ archived, onToggle, loading }: { archived: boolean; onToggle: () => void; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Button size="small" onClick={onToggle} loading={loading} danger={!archived}>
      {archived ? t('lossReason.restore') : t('lossReason.archive')}
    </Button>
  );
}

function LossReasonsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reasons = useLossReasons();
  const save = useSaveLossReason();
  const reasonLabel = useReasonLabel();
  const [editing, setEditing] = useState<{ reason?: LossReason } | null>(null);
  if (reasons.isPending) return <Spin />;
  if (reasons.isError) return <Alert type="error" showIcon title={reasons.error.message} />;
  const toggle = (reason: LossReason) =>
    save.mutate(
      { id: reason.id, body: { archived: !reason.archived, version: reason.version } },
      { onError: (error) => void message.error(error.message) },
    );
  return (
    <Card
      title={t('lossReason.title')}
      extra={
        <NewButton type="primary" onClick={() => setEditing({})} data-testid="loss-reason-new">
          {t('lossReason.new')}
        </NewButton>
      }
    >
      <List
        dataSource={reasons.data}
        renderItem={(reason) => (
          <List.Item
            data-testid="loss-reason"
            actions={[
              <Button
                key="edit"
                icon={<EditOutlined />}
                onClick={() => setEditing({ reason })}
                aria-label={t('common.edit')}
              />,
              <ArchiveButton
                key="archive"
                archived={reason.archived}
                onToggle={() => toggle(reason)}
                loading={false}
              />,
            ]}
          >
            <Space wrap>
              <Typography.Text strong delete={reason.archived}>
                {reasonLabel(reason)}
              </Typography.Text>
              {reason.requiresCompetitor && <Tag color="blue">{t('lossReason.requiresCompetitor')}</Tag>}
              {reason.archived && <Tag>{t('lossReason.archived')}</Tag>}
            </Space>
          </List.Item>
        )}
      />
      <LossReasonFormModal open={editing !== null} reason={editing?.reason} onClose={() => setEditing(null)} />
    </Card>
  );
}

function CompetitorsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [showArchived, setShowArchived] = useState(false);
  const competitors = useCompetitors(showArchived);
  const save = useSaveCompetitor();
  const [editing, setEditing] = useState<{ competitor?: Competitor } | null>(null);
  const toggle = (competitor: Competitor) =>
    save.mutate(
      { id: competitor.id, body: { archived: !competitor.archived, version: competitor.version } },
      { onError: (error) => void message.error(error.message) },
    );
  return (
    <Card
      title={t('competitor.settingsTitle')}
      extra={
        <NewButton type="primary" onClick={() => setEditing({})} data-testid="competitor-new">
          {t('competitor.new')}
        </NewButton>
      }
    >
      <Space style={{ marginBottom: 8 }}>
        <Switch size="small" checked={showArchived} onChange={setShowArchived} />
        <Typography.Text>{t('competitor.showArchived')}</Typography.Text>
      </Space>
      {competitors.isError && <Alert type="error" showIcon title={competitors.error.message} />}
      <List
        loading={competitors.isPending}
        dataSource={competitors.data ?? []}
        locale={{ emptyText: t('competitor.listEmpty') }}
        renderItem={(competitor) => (
          <List.Item
            data-testid="competitor"
            actions={[
              <Button
                key="edit"
                icon={<EditOutlined />}
                onClick={() => setEditing({ competitor })}
                aria-label={t('common.edit')}
              />,
              <ArchiveButton
                key="archive"
                archived={competitor.archived}
                onToggle={() => toggle(competitor)}
                loading={false}
              />,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Typography.Text strong>{competitor.name}</Typography.Text>
                  <Tag>{t('competitor.opportunityCount', { count: competitor.opportunityCount })}</Tag>
                </Space>
              }
              description={[competitor.website, competitor.notes].filter(Boolean).join(' · ') || undefined}
            />
          </List.Item>
        )}
      />
      <CompetitorFormModal open={editing !== null} competitor={editing?.competitor} onClose={() => setEditing(null)} />
    </Card>
  );
}

/** 输单原因与竞争对手 settings: the reasons a loss is recorded with, and the competitor list. */
export default function LossReasonSettingsPage() {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <LossReasonsCard />
      <CompetitorsCard />
    </Space>
  );
}
