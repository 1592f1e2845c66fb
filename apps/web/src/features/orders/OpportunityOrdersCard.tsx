import type { OrderStatus } from '@guanxi/contract';
import { Card, Empty, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormatMoney } from '../../platform/money';
import { useHasPermission } from '../../platform/session.queries';
import { NewButton } from '../../platform/ui/NewButton';
import { OrderStatusTag } from './orderDisplay';
import { useOrders } from './orders.queries';

/** Where a new order for an opportunity starts: its customer and the opportunity filled in. */
export const newOrderPathFor = (opportunity: { id: string; customerId: string }) =>
  `/orders/new?customerId=${opportunity.customerId}&opportunityId=${opportunity.id}`;

/**
 * The orders that close an opportunity (issue 14 §7), and "enter an order" while it is open or won:
 * confirming such an order wins the opportunity.
 */
export function OpportunityOrdersCard({
  opportunity,
}: {
  opportunity: { id: string; customerId: string; status: string };
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const formatMoney = useFormatMoney();
  const canCreate = useHasPermission('orders.create');
  const canView = useHasPermission('orders.view');
  const orders = useOrders({ opportunityId: opportunity.id });
  if (!canView) return null;
  const rows = orders.data?.pages.flatMap((page) => page.items) ?? [];
  const mayOrder = canCreate && (opportunity.status === 'open' || opportunity.status === 'won');
  return (
    <Card
      size="small"
      title={t('opportunity.orders')}
      loading={orders.isPending}
      extra={
        mayOrder && (
          <NewButton
            size="small"
            onClick={() => void navigate(newOrderPathFor(opportunity))}
            data-testid="opportunity-new-order"
          >
            {t('opportunity.newOrder')}
          </NewButton>
        )
      }
      data-testid="opportunity-orders"
    >
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('opportunity.ordersEmpty')} />
      ) : (
        <List
          size="small"
          dataSource={rows}
          renderItem={(order) => (
            <List.Item key={order.id}>
              <Space wrap>
                <Link to={`/orders/${order.id}`}>{order.orderNo}</Link>
                <OrderStatusTag status={order.status as OrderStatus} />
              </Space>
              <Space wrap>
                <Typography.Text type="secondary">{order.orderDate}</Typography.Text>
                <Typography.Text>{formatMoney(order.totalFen, order.currency)}</Typography.Text>
                {order.status !== 'cancelled' && (
                  <Link to={`/orders/${order.id}/print?as=quote`} data-testid="opportunity-order-quote">
                    {t('orderPrint.printQuote')}
                  </Link>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
