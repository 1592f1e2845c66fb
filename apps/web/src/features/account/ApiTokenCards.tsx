import { List, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '@guanxi/contract';
import { ExpiresAt, formatTokenTime } from './TokenTimes';

interface ApiTokenCardsProps {
  tokens: readonly ApiToken[];
  loading: boolean;
  revokeButton: (token: ApiToken) => ReactNode;
}

/** API tokens on narrow screens: one card per token instead of a squeezed table. */
export function ApiTokenCards({ tokens, loading, revokeButton }: ApiTokenCardsProps) {
  const { t } = useTranslation();
  const labelled = (label: string, value: ReactNode) => (
    <span>
      <Typography.Text type="secondary">{label} </Typography.Text>
      {value}
    </span>
  );
  return (
    <List<ApiToken>
      loading={loading}
      dataSource={[...tokens]}
      rowKey="id"
      data-testid="token-cards"
      renderItem={(token) => (
        <List.Item>
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap size={8}>
              <Typography.Text strong>{token.name}</Typography.Text>
              <Typography.Text code>{token.prefix}…</Typography.Text>
            </Space>
            {labelled(t('token.expiresAt'), <ExpiresAt value={token.expiresAt} />)}
            {labelled(t('token.lastUsedAt'), token.lastUsedAt ? formatTokenTime(token.lastUsedAt) : t('token.never'))}
            {labelled(t('token.createdAt'), formatTokenTime(token.createdAt))}
            {revokeButton(token)}
          </Space>
        </List.Item>
      )}
    />
  );
}
