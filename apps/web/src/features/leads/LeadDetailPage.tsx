import { EditOutlined, StopOutlined, SwapOutlined } from '@ant-design/icons';
import type { Lead } from '@guanxi/contract';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, type DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDictionary } from '../../platform/dictionaries';
import { Link, useNavigate, useParams } from 'react-router';
import { useHasPermission } from '../../platform/session.queries';
import { BackTitle } from '../../platform/ui/BackTitle';
import { DeleteButton } from '../../platform/ui/DeleteButton';
import { QueryResult } from '../../platform/ui/QueryResult';
import { customerQueryOptions } from '../customers';
import { LeadFollowUps } from '../follow-ups';
import { ConvertLeadModal } from './ConvertLeadModal';
import { LeadFormDrawer } from './LeadFormDrawer';
import { useDeleteLead, useLead, useUpdateLead } from './leads.queries';
import { LeadStatusTag } from './LeadStatusTag';
import { useRecordTitle } from '../../platform/recordTitles';

function useLeadItems(lead: Lead): DescriptionsProps['items'] {
  const { t, i18n } = useTranslation();
  const sources = useDictionary('source');
  const empty = t('common.empty');
  const row = (key: string, label: string, value: string | null | undefined) => ({
    key,
    label,
    children: value || empty,
  });
  const items: NonNullable<DescriptionsProps['items']> = [
    { key: 'status', label: t('lead.status'), children: <LeadStatusTag status={lead.status} /> },
    row('companyName', t('lead.companyName'), lead.companyName),
    row('title', t('lead.jobTitle'), lead.title),
    row('source', t('lead.source'), sources.label(lead.source)),
    row('pool', t('lead.pool'), lead.poolName),
    row('owner', t('lead.owner'), lead.ownerName),
    row('createdAt', t('lead.createdAt'), new Date(lead.createdAt).toLocaleString(i18n.language)),
  ];
  // Fields the role may not see are absent from the answer, and then from the page.
  for (const key of ['mobile', 'phone', 'email', 'wechat'] as const) {
    if (key in lead) items.push(row(key, t(`lead.${key}`), lead[key]));
  }
  if (lead.convertedAt) {
    items.push(row('convertedAt', t('lead.convertedAt'), new Date(lead.convertedAt).toLocaleString(i18n.language)));
  }
  if ('remarks' in lead) items.push({ ...row('remarks', t('lead.remarks'), lead.remarks), span: 'filled' });
  return items;
}

/** A converted lead keeps its link to the customer it became (named when the user may see it). */
function ConvertedNotice({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const customer = useQuery({ ...customerQueryOptions(customerId), retry: false });
  return (
    <Alert
      type="success"
      showIcon
      data-testid="lead-converted"
      title={
        <Space size={4}>
          {t('lead.convertedTo')}
          <Link to={`/customers/${customerId}`} data-testid="lead-customer-link">
            {customer.data?.name ?? t('lead.openCustomer')}
          </Link>
        </Space>
      }
    />
  );
}

function LeadDetails({ lead }: { lead: Lead }) {
  useRecordTitle(lead.id, lead.name);
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [isEditOpen, setEditOpen] = useState(false);
  const [isConvertOpen, setConvertOpen] = useState(false);
  const remove = useDeleteLead();
  const update = useUpdateLead(lead.id);
  const canEdit = useHasPermission('leads.edit');
  const canDelete = useHasPermission('leads.delete');
  const mayConvert = useHasPermission('leads.convert');
  const mayCreateCustomers = useHasPermission('customers.create');
  const canConvert = mayConvert && mayCreateCustomers;
  const items = useLeadItems(lead);
  const isOpen = lead.status === 'new' || lead.status === 'assigned';

  const confirmDelete = () =>
    remove.mutateAsync(lead.id).then(
      () => {
        void message.success(t('common.deleted'));
        void navigate('/leads', { replace: true });
      },
      (error: Error) => void message.error(error.message),
    );

  const markInvalid = () =>
    update.mutateAsync({ status: 'invalid', version: lead.version }).then(
      () => void message.success(t('lead.markedInvalid')),
      (error: Error) => void message.error(error.message),
    );

  const actions = (
    <Space>
      {canConvert && isOpen && (
        <Button type="primary" icon={<SwapOutlined />} onClick={() => setConvertOpen(true)} data-testid="lead-convert">
          {t('lead.convert')}
        </Button>
      )}
      {canEdit && lead.status !== 'converted' && (
        <Button icon={<EditOutlined />} onClick={() => setEditOpen(true)} data-testid="lead-edit">
          {t('common.edit')}
        </Button>
      )}
      {canEdit && isOpen && (
        <Popconfirm title={t('lead.markInvalidConfirm')} onConfirm={markInvalid}>
          <Button icon={<StopOutlined />} loading={update.isPending} data-testid="lead-mark-invalid">
            {t('lead.markInvalid')}
          </Button>
        </Popconfirm>
      )}
      {canDelete && (
        <DeleteButton
          confirmTitle={t('lead.deleteConfirm')}
          onConfirm={confirmDelete}
          deleting={remove.isPending}
          testId="lead-delete"
        />
      )}
    </Space>
  );

  return (
    <Card
      title={
        <BackTitle onBack={() => void navigate('/leads')}>
          <span data-testid="lead-detail-name">{lead.name}</span>
        </BackTitle>
      }
      extra={actions}
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {lead.convertedCustomerId && <ConvertedNotice customerId={lead.convertedCustomerId} />}
        <Descriptions bordered column={{ xs: 1, md: 2, xl: 3 }} items={items} />
        <LeadFollowUps leadId={lead.id} />
      </Space>
      <LeadFormDrawer open={isEditOpen} lead={lead} onClose={() => setEditOpen(false)} />
      <ConvertLeadModal lead={lead} open={isConvertOpen} onClose={() => setConvertOpen(false)} />
    </Card>
  );
}

export default function LeadDetailPage() {
  const { id = '' } = useParams();
  return <QueryResult query={useLead(id)}>{(lead) => <LeadDetails lead={lead} />}</QueryResult>;
}
