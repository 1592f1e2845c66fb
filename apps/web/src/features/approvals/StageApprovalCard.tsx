import type { Stage } from '@guanxi/contract';
import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, Descriptions, List, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FactsOf } from './ApprovalFactsCard';

const time = (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm');

/** A stage move: from → to with the reason, and what happened with the customer lately. */
export function StageApprovalCard({ facts }: { facts: FactsOf<'stage'> }) {
  const { t } = useTranslation();
  const stage = (code: Stage) => t(`stage.${code}`);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="approval-card-stage">
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          {
            key: 'move',
            label: t('approvalCard.stageMove'),
            children: (
              <Space>
                <Tag>{stage(facts.from)}</Tag>
                <ArrowRightOutlined />
                <Tag color="blue">{stage(facts.to)}</Tag>
              </Space>
            ),
          },
        ]}
      />
      {facts.currentStage && facts.currentStage !== facts.from && (
        <Alert type="warning" showIcon title={t('approvalCard.stageChanged', { stage: stage(facts.currentStage) })} />
      )}
      <div>
        <Typography.Title level={5}>{t('approvalCard.recentMoves')}</Typography.Title>
        {facts.recentMoves.length === 0 ? (
          <Typography.Text type="secondary">{t('approvalCard.noMoves')}</Typography.Text>
        ) : (
          <Timeline
            items={facts.recentMoves.map((m) => ({
              key: `${m.at}-${m.to}`,
              children: (
                <Space direction="vertical" size={0}>
                  <Typography.Text>
                    {m.from ? `${stage(m.from)} → ` : ''}
                    {stage(m.to)}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {time(m.at)} ·{' '}
                    {m.byName ? t('approvalCard.moveBy', { name: m.byName }) : t('approvalCard.moveByRule')}
                    {m.reason ? ` · ${m.reason}` : ''}
                  </Typography.Text>
                </Space>
              ),
            }))}
          />
        )}
      </div>
      <div>
        <Typography.Title level={5}>{t('approvalCard.recentFollowUps')}</Typography.Title>
        <List
          size="small"
          dataSource={facts.recentFollowUps}
          locale={{ emptyText: t('approvalCard.noFollowUps') }}
          renderItem={(f) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space size={4} wrap>
                    <Tag>{f.typeName}</Tag>
                    <Typography.Text type="secondary">
                      {time(f.at)} · {f.authorName}
                    </Typography.Text>
                  </Space>
                }
                description={<Typography.Paragraph ellipsis={{ rows: 3 }}>{f.content}</Typography.Paragraph>}
              />
            </List.Item>
          )}
        />
      </div>
    </Space>
  );
}
