import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useHasPermission } from '../../platform/session.queries';
import { useFormatMoney } from '../../platform/money';
import { CreditEditModal } from './CreditEditModal';
import { useOrderColumns } from './OrderListPage';
import { useCustomerCredit, useOrders } from './orders.queries';
import { LoadMoreButton } from '../../platform/LoadMore';
import { ListTable } from '../../platform/ui/ListTable';
import { NewButton } from '../../platform/ui/NewButton';

/** The customer's credit (limit, used, available, overdue), editable with credit.manage. */
export function CustomerCreditCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const formatMoney = useFormatMoney();
  const credit = useCustomerCredit(customerId);
  const canManage = useHasPermission('credit.manage');
  const [isEditOpen, setEditOpen] = useState(false);
  if (credit.isError) return <Alert type="error" showIcon title={credit.error.message} />;
  const c = credit.data;
  return (
    <Card
      size="small"
      title={t('credit.card')}
      loading={credit.isPending}
      extra={
        canManage && (
          <Button size="small" onClick={() => setEditOpen(true)} data-testid="credit-edit">
            {t('credit.edit')}
          </Button>
        )
      }
      data-testid="customer-credit"
    >
      {c && (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 5 }}
          items={[
            {
              key: 'limit',
              label: t('credit.limit'),
              children: c.limitFen === null ? t('credit.noLimit') : formatMoney(c.limitFen, c.currency),
            },
            { key: 'term', label: t('credit.term'), children: c.termDays },
            { key: 'used', label: t('credit.used'), children: formatMoney(c.outstandingFen, c.currency) },
            {
              key: 'available',
              label: t('credit.available'),
              children:
                c.availableFen === null ? (
                  '—'
                ) : (
                  <Typography.Text type={c.availableFen < 0 ? 'danger' : undefined}>
                    {formatMoney(c.availableFen, c.currency)}
                  </Typography.Text>
                ),
            },
            {
              key: 'overdue',
              label: t('credit.overdue'),
              children: (
                <Typography.Text type={c.overdueFen > 0 ? 'danger' : undefined}>
                  {formatMoney(c.overdueFen, c.currency)}
                </Typography.Text>
              ),
            },
          ]}
        />
      )}
      {isEditOpen && c && <CreditEditModal customerId={customerId} current={c} onClose={() => setEditOpen(false)} />}
    </Card>
  );
}

/** 订单 tab of the customer page: the customer's credit and orders, and a new order for it. */
export function CustomerOrdersTab({ customer }: { customer: { id: string; name: string } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canCreate = useHasPermission('orders.create');
  const canViewCredit = useHasPermission('credit.view');
  const orders = useOrders({ customerId: customer.id });
  const columns = useOrderColumns({ withCustomer: false });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {canViewCredit && <CustomerCreditCard customerId={customer.id} />}
      {canCreate && (
        <NewButton
          onClick={() => void navigate(`/orders/new?customerId=${customer.id}`)}
          data-testid="customer-order-new"
        >
          {t('order.new')}
        </NewButton>
      )}
      {orders.isError && <Alert type="error" showIcon title={orders.error.message} />}
      <ListTable size="small" columns={columns} pages={orders} empty={t('order.empty')} testId="customer-orders" />
      <LoadMoreButton pages={orders} inline />
    </Space>
  );
}
