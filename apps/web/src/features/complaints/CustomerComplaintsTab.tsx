import type { Complaint } from '@guanxi/contract';
import { Space, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadMoreButton } from '../../platform/LoadMore';
import { useMe } from '../../platform/session.queries';
import { ListTable } from '../../platform/ui/ListTable';
import { NewButton } from '../../platform/ui/NewButton';
import { ComplaintFormDrawer } from './ComplaintFormDrawer';
import { useComplaints } from './complaints.queries';
import { SEVERITY_COLORS, SlaBadge } from './SlaBadge';

/** The customer page's complaints: every ticket of the customer, and "new complaint" for it. */
export function CustomerComplaintsTab({ customer }: { customer: { id: string; name: string } }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const [creating, setCreating] = useState(false);
  const complaints = useComplaints({ customerId: customer.id });
  const columns: TableColumnsType<Complaint> = [
    {
      key: 'subject',
      title: t('complaint.subject'),
      render: (_, c) => (
        <Space wrap size={4}>
          <Link to={`/complaints/${c.id}`}>{c.subject}</Link>
          {c.isRepeat && <Tag color="magenta">{t('complaint.repeat')}</Tag>}
        </Space>
      ),
    },
    { key: 'sla', title: t('complaint.deadline'), render: (_, c) => <SlaBadge complaint={c} /> },
    {
      key: 'severity',
      title: t('complaint.severity'),
      render: (_, c) => <Tag color={SEVERITY_COLORS[c.severity]}>{t(`complaint.severities.${c.severity}`)}</Tag>,
    },
    { key: 'state', title: t('complaint.state'), render: (_, c) => t(`complaint.states.${c.state}`) },
    { key: 'handler', title: t('complaint.handler'), render: (_, c) => c.handlerName ?? t('complaint.noHandler') },
    {
      key: 'createdAt',
      title: t('complaint.createdAt'),
      render: (_, c) => dayjs(c.createdAt).format('YYYY-MM-DD HH:mm'),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {me?.permissions.includes('complaints.create') && (
        <NewButton onClick={() => setCreating(true)} data-testid="customer-complaint-new">
          {t('complaint.new')}
        </NewButton>
      )}
      <ListTable
        columns={columns}
        pages={complaints}
        empty={t('complaint.customerEmpty')}
        testId="customer-complaints"
        phoneCards={{ title: 'subject', fields: ['sla', 'severity', 'state', 'handler'] }}
      />
      <LoadMoreButton pages={complaints} />
      <ComplaintFormDrawer open={creating} onClose={() => setCreating(false)} customer={customer} />
    </Space>
  );
}
