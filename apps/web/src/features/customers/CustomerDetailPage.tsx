import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { Customer } from '@guanxi/contract';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Spin, Tag, type DescriptionsProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useHasPermission } from '../auth/auth.queries';
import { CustomerFormDrawer } from './CustomerFormDrawer';
import { useCustomer, useDeleteCustomer } from './customers.queries';

function useDescriptionItems(customer: Customer): DescriptionsProps['items'] {
  const { t } = useTranslation();
  const empty = t('common.empty');
  const time = (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm');
  const items: DescriptionsProps['items'] = [
    { key: 'customerNo', label: t('customer.customerNo'), children: customer.customerNo },
    { key: 'kind', label: t('customer.kind'), children: t(`kind.${customer.kind}`) },
    { key: 'stage', label: t('customer.stage'), children: <Tag>{t(`stage.${customer.stage}`)}</Tag> },
    { key: 'tier', label: t('customer.tier'), children: customer.tier ? t(`tier.${customer.tier}`) : empty },
    { key: 'source', label: t('customer.source'), children: customer.source ? t(`source.${customer.source}`) : empty },
    { key: 'owner', label: t('customer.owner'), children: customer.ownerName ?? t('customer.inPool') },
  ];
  // Fields the caller's role hides are absent from the answer, and so from the page.
  if ('phone' in customer) items.push({ key: 'phone', label: t('customer.phone'), children: customer.phone ?? empty });
  if ('email' in customer) items.push({ key: 'email', label: t('customer.email'), children: customer.email ?? empty });
  items.push(
    { key: 'industry', label: t('customer.industry'), children: customer.industry ?? empty },
    { key: 'city', label: t('customer.city'), children: customer.city ?? empty },
  );
  if ('address' in customer)
    items.push({ key: 'address', label: t('customer.address'), children: customer.address ?? empty, span: 2 });
  if ('remarks' in customer) {
    items.push({
      key: 'remarks',
      label: t('customer.remarks'),
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{customer.remarks ?? empty}</span>,
      span: 3,
    });
  }
  items.push(
    { key: 'createdAt', label: t('customer.createdAt'), children: time(customer.createdAt) },
    { key: 'updatedAt', label: t('customer.updatedAt'), children: time(customer.updatedAt) },
  );
  return items;
}

function CustomerDetails({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [isEditOpen, setEditOpen] = useState(false);
  const remove = useDeleteCustomer();
  const canEdit = useHasPermission('customers.edit');
  const canDelete = useHasPermission('customers.delete');
  const items = useDescriptionItems(customer);

  const confirmDelete = () =>
    remove.mutateAsync(customer.id).then(
      () => {
        void message.success(t('common.deleted'));
        void navigate('/customers', { replace: true });
      },
      (error: Error) => void message.error(error.message),
    );

  const actions = (
    <Space>
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
      <Descriptions bordered column={{ xs: 1, md: 2, xl: 3 }} items={items} />
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
