import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { QueryError } from '../../platform/ui/QueryResult';
import { AuditChangeList, useAuditText } from '../audit';
import { useCustomerAudit } from '../customers';

/** The audit entries of this customer: who did what when, each changed field as "before → after". */
export function CustomerActivityTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { actionLabel } = useAuditText();
  const audit = useCustomerAudit(customerId, true);
  const names = audit.data?.names ?? {};
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="customer-activity">
      <QueryError query={audit} />
      <List
        loading={audit.isPending}
        dataSource={audit.data?.items ?? []}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer360.activity.empty')} />,
        }}
        renderItem={(entry) => (
          <List.Item key={entry.id} data-testid="activity-entry">
            <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
              <Space wrap size={6}>
                <Typography.Text strong>{entry.actorName ?? t('audit.system')}</Typography.Text>
                <Tag color={entry.action === 'delete' ? 'red' : entry.action === 'create' ? 'green' : 'blue'}>
                  {actionLabel(entry.action)}
                </Tag>
                <Typography.Text type="secondary">{dayjs(entry.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>
              </Space>
              <AuditChangeList entry={entry} names={names} />
            </Space>
          </List.Item>
        )}
      />
      <Button
        type="link"
        style={{ paddingInline: 0 }}
        onClick={() => void navigate(`/settings/audit-log?entity=customer&entityId=${customerId}`)}
      >
        {t('customer360.activity.all')}
      </Button>
    </Space>
  );
}
