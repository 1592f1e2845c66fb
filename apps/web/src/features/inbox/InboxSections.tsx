import type { InboxItem, InboxSection } from '@guanxi/contract';
import { STAGES, type Stage } from '@guanxi/contract';
import { Alert, Badge, Card, Col, Empty, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { inboxItemPath } from './inboxLinks';
import { useInbox } from './inbox.queries';

const isStage = (value: unknown): value is Stage => STAGES.includes(value as Stage);
const time = (value: string | null) => (value ? dayjs(value).format('MM-DD HH:mm') : null);

/** One line under the item's title: the time that matters, or what the item is about. */
function useItemText() {
  const { t } = useTranslation();
  const stage = (value: unknown) => (isStage(value) ? t(`stage.${value}`) : '');
  return (section: InboxSection['key'], item: InboxItem) => {
    const report = () =>
      t('inbox.reportItem', {
        kind: t(`report.kinds.${String(item.params.kind)}` as 'report.kinds.daily'),
        period: String(item.params.periodStart),
      });
    switch (section) {
      case 'reclaimSoon':
        return { title: item.title, note: t('inbox.daysLeft', { days: Number(item.params.days) }) };
      case 'approvals':
        // Stage changes show the move; other approvals (orders, expenses …) their business type.
        return {
          title: item.title,
          note:
            item.params.businessType && item.params.businessType !== 'stage_transition'
              ? t(`approvalFlow.types.${String(item.params.businessType)}` as 'approvalFlow.types.expense')
              : t('inbox.stageMove', { from: stage(item.params.from), to: stage(item.params.to) }),
        };
      case 'reportsToWrite':
        return { title: report(), note: `${t('report.dueAt')} ${time(item.at) ?? ''}` };
      case 'reportsToReview':
      case 'plansToReview':
        return { title: item.title, note: report() };
      case 'assignedToMe':
        return { title: item.title, note: item.entity === 'lead' ? t('inbox.lead') : time(item.at) };
      default:
        return { title: item.title, note: time(item.at) };
    }
  };
}

function SectionCard({ section }: { section: InboxSection }) {
  const { t } = useTranslation();
  const text = useItemText();
  return (
    <Card
      size="small"
      title={
        <Space>
          {t(`inbox.${section.key}`)}
          <Badge count={section.count} color={section.key === 'contactOverdue' ? 'red' : 'blue'} />
        </Space>
      }
      data-testid={`inbox-${section.key}`}
    >
      <List
        size="small"
        dataSource={section.items}
        renderItem={(item) => {
          const path = inboxItemPath(item);
          const { title, note } = text(section.key, item);
          const overdue = item.params.overdue === true;
          return (
            <List.Item data-testid="inbox-item" style={{ paddingInline: 0 }}>
              <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                {path ? <Link to={path}>{title || t('common.empty')}</Link> : title}
                <Space size={4} wrap>
                  {note && <Typography.Text type="secondary">{note}</Typography.Text>}
                  {overdue && <Tag color="red">{t('inbox.overdue')}</Tag>}
                  {item.params.isLate === true && <Tag color="orange">{t('inbox.late')}</Tag>}
                </Space>
              </Space>
            </List.Item>
          );
        }}
      />
      {section.count > section.items.length && (
        <Typography.Text type="secondary">{t('inbox.all', { count: section.count })}</Typography.Text>
      )}
    </Card>
  );
}

/**
 * The to-do inbox sections that have something in them, as cards: one column on a phone, two or
 * three side by side on wider screens.
 */
export function InboxSections({ limit = 5 }: { limit?: number }) {
  const { t } = useTranslation();
  const inbox = useInbox(limit);
  if (inbox.isPending) return <Skeleton active />;
  if (inbox.isError) return <Alert type="error" showIcon title={inbox.error.message} />;
  const sections = inbox.data.sections.filter((s) => s.count > 0);
  if (sections.length === 0) return <Empty description={t('inbox.empty')} data-testid="inbox-empty" />;
  return (
    <Row gutter={[12, 12]}>
      {sections.map((section) => (
        <Col key={section.key} xs={24} md={12} xl={8}>
          <SectionCard section={section} />
        </Col>
      ))}
    </Row>
  );
}
