import {
  ArrowLeftOutlined,
  DeleteOutlined,
  EditOutlined,
  EnvironmentOutlined,
  HistoryOutlined,
} from '@ant-design/icons';
import type { Customer } from '@guanxi/contract';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useHasPermission } from '../../platform/session.queries';
import { ContactsTab } from '../contacts';
import { CustomerValueTab } from '../customer-value';
import { CustomerOpportunitiesTab } from '../opportunities';
import { CustomerOrdersTab } from '../orders';
import { CustomerTimeline, StageBar } from '../lifecycle';
import { OwnershipActions } from '../pools';
import { CustomerFormDrawer, useCustomer, useDeleteCustomer, useDescriptionItems } from '../customers';

function CustomerDetails({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [isEditOpen, setEditOpen] = useState(false);
  const remove = useDeleteCustomer();
  const canEdit = useHasPermission('customers.edit');
  const canDelete = useHasPermission('customers.delete');
  const canViewOpportunities = useHasPermission('opportunities.view');
  const canViewValue = useHasPermission('orders.view');
  const canCheckIn = useHasPermission('visits.create');
  const canViewAudit = useHasPermission('audit.view');
  const items = useDescriptionItems(customer);
  // `?tab=contacts` (from the quick search) opens that tab.
  const tab = useSearchParams()[0].get('tab') ?? 'details';

  const confirmDelete = () =>
    remove.mutateAsync(customer.id).then(
      () => {
        void message.success(t('common.deleted'));
        void navigate('/customers', { replace: true });
      },
      (error: Error) => void message.error(error.message),
    );

  const actions = (
    <Space wrap>
      {canCheckIn && (
        <Button
          icon={<EnvironmentOutlined />}
          onClick={() => void navigate(`/check-in?customerId=${customer.id}`)}
          data-testid="customer-check-in"
        >
          {t('checkIn.submit')}
        </Button>
      )}
      {canViewAudit && (
        <Button
          icon={<HistoryOutlined />}
          onClick={() => void navigate(`/settings/audit-log?entity=customer&entityId=${customer.id}`)}
          data-testid="customer-history"
        >
          {t('audit.history')}
        </Button>
      )}
      {canEdit && (
        <Button icon={<EditOutlined />} onClick={() => setEditOpen(true)} data-testid="customer-edit">
          {t('common.edit')}
        </Button>
      )}
      {canDelete && (
        <Popconfirm title={t('customer.deleteConfirm')} onConfirm={confirmDelete} okButtonProps={{ danger: true }}>
          <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="customer-delete">
            {t('common.delete')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  return (
    <Card
      title={
        <Space>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => void navigate('/customers')}
            aria-label={t('common.back')}
          />
          <span data-testid="customer-title">{customer.name}</span>
        </Space>
      }
      extra={actions}
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <OwnershipActions customer={customer} />
        <StageBar customer={customer} />
        <Tabs
          key={tab}
          defaultActiveKey={tab}
          data-testid="customer-tabs"
          items={[
            {
              key: 'details',
              label: t('customer.detailsTab'),
              children: <Descriptions bordered column={{ xs: 1, md: 2, xl: 3 }} items={items} />,
            },
            {
              key: 'timeline',
              label: t('lifecycle.timeline'),
              children: <CustomerTimeline customerId={customer.id} />,
            },
            { key: 'contacts', label: t('contact.tab'), children: <ContactsTab customerId={customer.id} /> },
            ...(canViewOpportunities
              ? [
                  {
                    key: 'opportunities',
                    label: t('opportunity.tab'),
                    children: <CustomerOpportunitiesTab customer={customer} />,
                  },
                ]
              : []),
            ...(canViewValue
              ? [{ key: 'orders', label: t('order.tab'), children: <CustomerOrdersTab customer={customer} /> }]
              : []),
            ...(canViewValue
              ? [{ key: 'value', label: t('customerValue.tab'), children: <CustomerValueTab customer={customer} /> }]
              : []),
          ]}
        />
      </Space>
      <CustomerFormDrawer open={isEditOpen} customer={customer} onClose={() => setEditOpen(false)} />
    </Card>
  );
}

export default function CustomerDetailPage() {
  const { id = '' } = useParams();
  const customer = useCustomer(id);
  if (customer.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (customer.isError) return <Alert type="error" showIcon title={customer.error.message} />;
  return <CustomerDetails customer={customer.data} />;
}
