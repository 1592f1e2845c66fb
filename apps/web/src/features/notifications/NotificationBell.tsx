import { BellOutlined } from '@ant-design/icons';
import type { Notification } from '@guanxi/contract';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { entityPath, noticeText } from './noticeText';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from './notifications.queries';

function NoticeRow({ notice, onOpen }: { notice: Notification; onOpen: (notice: Notification) => void }) {
  const { t } = useTranslation();
  const markRead = useMarkRead();
  const isUnread = notice.readAt === null;
  return (
    <Flex
      gap={8}
      align="start"
      style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
      data-testid="notification-item"
    >
      <Badge status={isUnread ? 'processing' : 'default'} style={{ marginTop: 4 }} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Typography.Link onClick={() => onOpen(notice)} strong={isUnread}>
          {noticeText(t, notice.kind, notice.params)}
        </Typography.Link>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dayjs(notice.createdAt).format('YYYY-MM-DD HH:mm')}
          </Typography.Text>
        </div>
      </div>
      {isUnread && (
        <Button
          size="small"
          type="link"
          loading={markRead.isPending}
          onClick={() => markRead.mutate(notice.id)}
          data-testid="notification-mark-read"
        >
          {t('notice.markRead')}
        </Button>
      )}
    </Flex>
  );
}

function NoticePanel({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notices = useNotifications(true);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const open = (notice: Notification) => {
    if (notice.readAt === null) markRead.mutate(notice.id);
    const path = entityPath(notice.entity, notice.entityId, notice.params);
    if (path) {
      onNavigate();
      void navigate(path);
    }
  };

  if (notices.isPending) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (notices.isError) return <Typography.Text type="danger">{notices.error.message}</Typography.Text>;
  const items = notices.data.items;
  return (
    <div style={{ width: 360, maxHeight: 420, overflowY: 'auto' }} data-testid="notification-panel">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notice.empty')} />
      ) : (
        items.map((notice) => <NoticeRow key={notice.id} notice={notice} onOpen={open} />)
      )}
      <Flex justify="space-between" style={{ paddingTop: 8 }}>
        <Button
          size="small"
          onClick={() => {
            onNavigate();
            void navigate('/inbox');
          }}
          data-testid="notification-todos"
        >
          {t('todo.menu')}
        </Button>
        <Button
          size="small"
          disabled={!items.some((n) => n.readAt === null)}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
          data-testid="notification-mark-all"
        >
          {t('notice.markAllRead')}
        </Button>
      </Flex>
    </div>
  );
}

/** The header bell: unread count (polled), and the latest notifications in a popover. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const unread = useUnreadCount();
  return (
    <Popover
      open={isOpen}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={t('notice.title')}
      content={isOpen ? <NoticePanel onNavigate={() => setOpen(false)} /> : null}
    >
      <Badge count={unread.data?.count ?? 0} size="small" offset={[-4, 4]}>
        <Button type="text" icon={<BellOutlined />} aria-label={t('notice.bell')} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
