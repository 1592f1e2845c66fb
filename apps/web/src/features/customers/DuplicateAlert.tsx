import type { DuplicateMatch } from '@guanxi/contract';
import { Alert, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** What the duplicate check found: each match's name, owner (or pool) and the keys it matched on. */
export function DuplicateAlert({ matches }: { matches: DuplicateMatch[] }) {
  const { t } = useTranslation();
  if (matches.length === 0) return null;
  const blocking = matches.some((match) => match.matchedOn.some((key) => key !== 'name'));
  return (
    <Alert
      type={blocking ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      title={t('customer.duplicateFound')}
      data-testid="duplicate-alert"
      description={
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          {matches.map((match) => {
            const path = match.entity === 'contact' ? match.customerId : match.id;
            const name =
              match.entity === 'contact' && match.customerName ? `${match.name} · ${match.customerName}` : match.name;
            return (
              <Space key={`${match.entity}-${match.id}`} wrap size={4} data-testid="duplicate-match">
                {match.accessible && path ? (
                  <Link to={`/customers/${path}`}>{name}</Link>
                ) : (
                  <Typography.Text>{name}</Typography.Text>
                )}
                {match.inPool ? (
                  <Tag>{t('customer.inPool')}</Tag>
                ) : (
                  <Typography.Text type="secondary">
                    {t('customer.duplicateOwner', { owner: match.ownerName ?? t('common.empty') })}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary">
                  {t('customer.duplicateMatched', {
                    fields: match.matchedOn.map((key) => t(`customer.dupKey_${key}`)).join(', '),
                  })}
                </Typography.Text>
              </Space>
            );
          })}
        </Space>
      }
    />
  );
}
