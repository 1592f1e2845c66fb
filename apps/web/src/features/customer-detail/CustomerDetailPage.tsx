import { EditOutlined, EnvironmentOutlined } from '@ant-design/icons';
import type { Customer } from '@guanxi/contract';
import { App, Button, Card, Col, Descriptions, Grid, Row, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ContactsInline } from './ContactsInline';
import { CustomerActivityTab } from './CustomerActivityTab';
import { CustomerAttachmentsTab } from './CustomerAttachmentsTab';
import { CustomerSummaryHeader } from './CustomerSummaryHeader';
import { useCustomerEventEntries } from './useCustomerEventEntries';
import { useHasPermission } from '../../platform/session.queries';
import { BackTitle } from '../../platform/ui/BackTitle';
import { DeleteButton } from '../../platform/ui/DeleteButton';
import { QueryResult } from '../../platform/ui/QueryResult';
import { ContactsTab } from '../contacts';
import { CustomerComplaintsTab } from '../complaints';
import { CustomerValueTab } from '../customer-value';
import { CustomerOpportunitiesTab } from '../opportunities';
import { CustomerOrdersTab } from '../orders';
import { CustomerReturnVisitsTab } from '../return-visits';
import { CustomerTimeline, FollowUpCadenceHint, StageBar } from '../lifecycle';
import { OwnershipActions } from '../pools';
import { RelationshipCard } from '../relationship';
import { CustomerMemberCard } from '../members';
import { CustomerFormDrawer, useCustomer, useDeleteCustomer, useDescriptionItems } from '../customers';
import { useCustomFieldDescriptionItems } from '../custom-fields';
import { useRecordTitle } from '../../platform/recordTitles';

function CustomerDetails({ customer }: { customer: Customer }) {
  useRecordTitle(customer.id, customer.name);
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isPhone = Grid.useBreakpoint().md === false;
  const [isEditOpen, setEditOpen] = useState(false);
  const remove = useDeleteCustomer();
  const canEdit = useHasPermission('customers.edit');
  const canDelete = useHasPermission('customers.delete');
  const canViewOpportunities = useHasPermission('opportunities.view');
  const canViewValue = useHasPermission('orders.view');
  const canViewMembers = useHasPermission('members.view');
  const canViewComplaints = useHasPermission('complaints.view');
  const canCheckIn = useHasPermission('visits.create');
  const canViewAudit = useHasPermission('audit.view');
  const canViewReturnVisits = useHasPermission('returnVisits.view');
  const customItems = useCustomFieldDescriptionItems('customer', customer.customFields);
  const items = [...useDescriptionItems(customer), ...customItems];
  const eventEntries = useCustomerEventEntries(customer.id);
  // `?tab=contacts` (from the quick search) opens that tab; the follow-ups and timeline come first.
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'timeline';
  const openTab = (key: string) => setParams({ tab: key }, { replace: true });
  const [composeSignal, setComposeSignal] = useState(0);
  const writeFollowUp = () => {
    openTab('timeline');
    setComposeSignal((n) => n + 1);
  };

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
      {canEdit && (
        <Button icon={<EditOutlined />} onClick={() => setEditOpen(true)} data-testid="customer-edit">
          {t('common.edit')}
        </Button>
      )}
      {canDelete && (
        <DeleteButton
          confirmTitle={t('customer.deleteConfirm')}
          onConfirm={confirmDelete}
          deleting={remove.isPending}
          testId="customer-delete"
        />
      )}
    </Space>
  );

  return (
    <Card
      title={
        <BackTitle onBack={() => void navigate('/customers')}>
          <span data-testid="customer-title">{customer.name}</span>
        </BackTitle>
      }
      // On a phone the buttons beside the title would squeeze the customer's name to nothing:
      // the name keeps the head (wrapping when long) and the buttons open the body.
      extra={isPhone ? undefined : actions}
      styles={isPhone ? { title: { whiteSpace: 'normal' } } : undefined}
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {isPhone && actions}
        <CustomerSummaryHeader customer={customer} onWriteFollowUp={writeFollowUp} />
        <StageBar customer={customer} />
        <OwnershipActions customer={customer} />
        <RelationshipCard customer={customer} />
        {canViewMembers && <CustomerMemberCard customer={customer} />}
        <FollowUpCadenceHint customerId={customer.id} />
        <Tabs
          activeKey={tab}
          onChange={openTab}
          data-testid="customer-tabs"
          items={[
            {
              key: 'timeline',
              label: t('lifecycle.timeline'),
              children: (
                <Row gutter={[24, 16]}>
                  <Col xs={24} lg={16}>
                    <CustomerTimeline
                      customerId={customer.id}
                      extraEntries={eventEntries}
                      composeSignal={composeSignal}
                    />
                  </Col>
                  <Col xs={24} lg={8}>
                    <ContactsInline customerId={customer.id} onShowAll={() => openTab('contacts')} />
                  </Col>
                </Row>
              ),
            },
            {
              key: 'details',
              label: t('customer.detailsTab'),
              children: <Descriptions bordered column={{ xs: 1, md: 2, xl: 3 }} items={items} />,
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
            ...(canViewComplaints
              ? [
                  {
                    key: 'complaints',
                    label: t('complaint.tab'),
                    children: <CustomerComplaintsTab customer={customer} />,
                  },
                ]
              : []),
            ...(canViewReturnVisits
              ? [
                  {
                    key: 'returnVisits',
                    label: t('returnVisit.tab'),
                    children: <CustomerReturnVisitsTab customerId={customer.id} />,
                  },
                ]
              : []),
            {
              key: 'attachments',
              label: t('customer360.attachmentsTab'),
              children: <CustomerAttachmentsTab customerId={customer.id} />,
            },
            ...(canViewAudit
              ? [
                  {
                    key: 'activity',
                    label: t('customer360.activityTab'),
                    children: <CustomerActivityTab customerId={customer.id} />,
                  },
                ]
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
  return <QueryResult query={useCustomer(id)}>{(customer) => <CustomerDetails customer={customer} />}</QueryResult>;
}
