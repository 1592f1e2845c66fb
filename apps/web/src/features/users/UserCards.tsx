import { List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@guanxi/contract';

interface UserCardsProps {
  users: readonly User[];
  loading: boolean;
  actionsFor: (user: User) => ReactNode;
}

/** The user list on narrow screens: one card per user instead of a squeezed table. */
export function UserCards({ users, loading, actionsFor }: UserCardsProps) {
  const { t } = useTranslation();
  return (
    <List<User>
      loading={loading}
      dataSource={[...users]}
      rowKey="id"
      data-testid="user-cards"
      renderItem={(user) => (
        <List.Item>
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap size={8}>
              <Typography.Text strong>{user.displayName}</Typography.Text>
              <Typography.Text type="secondary">{user.username}</Typography.Text>
              {user.disabled ? (
                <Tag color="red">{t('user.disabled')}</Tag>
              ) : (
                <Tag color="green">{t('user.active')}</Tag>
              )}
            </Space>
            <Space wrap size={12}>
              <span>
                <Typography.Text type="secondary">{t('user.department')} </Typography.Text>
                {user.departmentName ?? t('common.empty')}
              </span>
              <span>
                <Typography.Text type="secondary">{t('user.manager')} </Typography.Text>
                {user.managerName ?? t('common.empty')}
              </span>
            </Space>
            <Space wrap size={4}>
              {user.roles.map((role) => (
                <Tag key={role.id}>{role.name}</Tag>
              ))}
            </Space>
            {actionsFor(user)}
          </Space>
        </List.Item>
      )}
    />
  );
}
