import { CheckOutlined, PhoneOutlined } from '@ant-design/icons';
import type { InboxItem, InboxSection } from '@guanxi/contract';
import { Alert, App, Badge, Button, Card, Col, Empty, Grid, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMarkTodoDone } from '../notifications';
import { CustomerItemActions, customerIdOf, phoneOf } from './CustomerItemActions';
import { inboxItemPath, SECTION_LIST_PATHS } from './inboxLinks';
import { useInbox } from './inbox.queries';
import { useInboxItemText, useSectionTitle } from './useInboxItemText';

const RED_SECTIONS: readonly InboxSection['key'][] = ['contactOverdue', 'paymentsOverdue', 'lowStock'];

/** A stored to-do (a stuck or declining customer) is ticked done here; approvals never are. */
function DoneButton({ todoId, large }: { todoId: string; large: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const done = useMarkTodoDone();
  return (
    <Button
      size={large ? 'large' : 'small'}
      style={large ? { flex: 1, minHeight: 44 } : undefined}
      icon={<CheckOutlined />}
      loading={done.isPending}
      onClick={() =>
        done.mutate(todoId, {
          onSuccess: () => void message.success(t('inbox.doneOk')),
          onError: (error) => void message.error(error.message),
        })
      }
      data-testid="inbox-done"
    >
      {t('inbox.markDone')}
    </Button>
  );
}

/**
 * One item: its title linking to the record, a note, and what can be done right here (call,
 * follow-up, done, decide) in a row under the text: thumb-sized buttons sharing the width on a
 * phone, small ones on a wider screen (beside the text they squeezed it in a three-column layout).
 */
function ItemRow({ section, item }: { section: InboxSection['key']; item: InboxItem }) {
  const { t } = useTranslation();
  const isPhone = !Grid.useBreakpoint().md;
  const text = useInboxItemText();
  const path = inboxItemPath(item);
  const { title, note } = text(section, item);
  const todoId = typeof item.params.todoId === 'string' ? item.params.todoId : null;
  const phone = phoneOf(item);
  const decide =
    section === 'approvals' && path ? (
      isPhone ? (
        <Link to={path} data-testid="inbox-decide" style={{ flex: 1 }}>
          <Button size="large" type="primary" block style={{ minHeight: 44 }} tabIndex={-1}>
            {t('inbox.decide')}
          </Button>
        </Link>
      ) : (
        <Link to={path} data-testid="inbox-decide">
          {t('inbox.decide')}
        </Link>
      )
    ) : null;
  const actions = (
    <>
      <CustomerItemActions item={item} large={isPhone} />
      {decide}
      {todoId && !decide && <DoneButton todoId={todoId} large={isPhone} />}
    </>
  );
  const hasActions = customerIdOf(item) !== null || decide !== null || todoId !== null;
  return (
    <List.Item data-testid="inbox-item" style={{ paddingInline: 0, display: 'block' }}>
      <Space orientation="vertical" size={0} style={{ minWidth: 0, maxWidth: '100%' }}>
        {path ? <Link to={path}>{title || t('common.empty')}</Link> : title}
        <Space size={4} wrap>
          {note && <Typography.Text type="secondary">{note}</Typography.Text>}
          {/* An overdue payment says so in its line already. */}
          {item.params.overdue === true && section !== 'paymentsOverdue' && <Tag color="red">{t('inbox.overdue')}</Tag>}
          {item.params.isLate === true && <Tag color="orange">{t('inbox.late')}</Tag>}
        </Space>
        {phone && (
          <Typography.Text type="secondary" data-testid="inbox-phone">
            <PhoneOutlined style={{ marginInlineEnd: 4 }} />
            {phone.contactName ? `${phone.contactName} · ${phone.phone}` : phone.phone}
          </Typography.Text>
        )}
      </Space>
      {hasActions && (
        <div style={{ display: 'flex', flexWrap: isPhone ? 'nowrap' : 'wrap', gap: isPhone ? 8 : 4, marginTop: 8 }}>
          {actions}
        </div>
      )}
    </List.Item>
  );
}

function SectionCard({ section }: { section: InboxSection }) {
  const { t } = useTranslation();
  const sectionTitle = useSectionTitle();
  const more = section.count > section.items.length;
  const listPath = SECTION_LIST_PATHS[section.key];
  return (
    <Card
      id={`inbox-${section.key}`}
      size="small"
      title={
        <Space>
          <span style={{ whiteSpace: 'normal' }}>{sectionTitle(section.key)}</span>
          <Badge
            count={section.count}
            overflowCount={999}
            color={RED_SECTIONS.includes(section.key) ? 'red' : 'blue'}
          />
        </Space>
      }
      data-testid={`inbox-${section.key}`}
    >
      <List
        size="small"
        dataSource={section.items}
        renderItem={(item) => <ItemRow section={section.key} item={item} />}
      />
      {more &&
        (listPath ? (
          <Link to={listPath}>{t('inbox.viewAll', { count: section.count })}</Link>
        ) : (
          <Typography.Text type="secondary">{t('inbox.all', { count: section.count })}</Typography.Text>
        ))}
    </Card>
  );
}

/** Scrolls to the section named in the address (`/inbox#inbox-lowStock`) once it is drawn. */
function useScrollToSection(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (ready && hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: 'start' });
  }, [ready, hash]);
}

/**
 * The to-do inbox sections that have something in them, as cards: one column on a phone, two or
 * three side by side on wider screens.
 */
export function InboxSections({ limit = 5 }: { limit?: number }) {
  const { t } = useTranslation();
  const inbox = useInbox(limit);
  useScrollToSection(inbox.isSuccess);
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
