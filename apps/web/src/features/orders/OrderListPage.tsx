import { endpoints, ORDER_STATUSES, type OrderStatus, type OrderSummary } from '@guanxi/contract';
import { Card, Checkbox, DatePicker, Segmented, Select, Space, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useHasPermission } from '../../platform/session.queries';
import { useFormatMoney } from '../../platform/money';
import { OrderStatusTag } from './orderDisplay';
import { FirstOrderTag } from '../../platform/ui/FirstOrderTag';
import { useOrders, type OrderFilters } from './orders.queries';
import { PagedTable } from '../../platform/ui/PagedTable';
import { NewButton } from '../../platform/ui/NewButton';
import { SearchFilter } from '../../platform/ui/SearchFilter';
import { ExportButton } from '../../platform/ui/ExportButton';
import { ImportButton } from '../imports';

export function useOrderColumns(options: { withCustomer: boolean }): TableColumnsType<OrderSummary> {
  const { t } = useTranslation();
  const formatMoney = useFormatMoney();
  return [
    {
      title: t('order.orderNo'),
      dataIndex: 'orderNo',
      render: (no: string, row) => (
        <Space size={4} wrap>
          <Link to={`/orders/${row.id}`}>{no}</Link>
          {row.isFirstOrder && <FirstOrderTag />}
        </Space>
      ),
    },
    ...(options.withCustomer
      ? [
          {
            title: t('order.customer'),
            dataIndex: 'customerName',
            render: (name: string, row: OrderSummary) => <Link to={`/customers/${row.customerId}`}>{name}</Link>,
          },
        ]
      : []),
    { title: t('order.status'), dataIndex: 'status', render: (s: OrderStatus) => <OrderStatusTag status={s} /> },
    {
      title: t('order.total'),
      dataIndex: 'totalFen',
      align: 'right',
      render: (fen: number, row) => formatMoney(fen, row.currency),
    },
    { title: t('order.orderDate'), dataIndex: 'orderDate' },
    { title: t('order.owner'), dataIndex: 'ownerName' },
    {
      title: t('order.createdAt'),
      dataIndex: 'createdAt',
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
  ];
}

/**
 * 订单: the orders in the caller's scope; salespeople start with their own. With `toConfirm` the
 * list is finance's queue of submitted orders.
 */
export default function OrderListPage({ toConfirm = false }: { toConfirm?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canCreate = useHasPermission('orders.create');
  const canConfirm = useHasPermission('orders.confirm');
  const canDelete = useHasPermission('orders.delete');
  // Salespeople start with their own orders; finance and managers with everything they see.
  const seesTeam = canConfirm || canDelete;
  const [filters, setFilters] = useState<OrderFilters>(
    toConfirm ? { status: 'submitted' } : { mine: seesTeam ? undefined : true },
  );
  const orders = useOrders(filters);
  const columns = useOrderColumns({ withCustomer: true });
  const set = (next: Partial<OrderFilters>) => setFilters((current) => ({ ...current, ...next }));

  return (
    <Card
      title={toConfirm ? t('order.toConfirmTitle') : t('order.title')}
      extra={
        <Space wrap>
          {!toConfirm && <ImportButton kinds={['orders', 'sales_lines']} />}
          <ExportButton endpoint={endpoints.orders.export} query={filters} />
          {canCreate && (
            <NewButton type="primary" onClick={() => void navigate('/orders/new')} data-testid="order-new">
              {t('order.new')}
            </NewButton>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        {!toConfirm && (
          <Segmented
            value={filters.mine ? 'mine' : 'all'}
            onChange={(v) => set({ mine: v === 'mine' ? true : undefined })}
            options={[
              { value: 'mine', label: t('order.mine') },
              { value: 'all', label: t('order.all') },
            ]}
          />
        )}
        <SearchFilter placeholder={t('order.searchPlaceholder')} onSearch={(q) => set({ q })} />
        {!toConfirm && (
          <Select
            allowClear
            placeholder={t('order.status')}
            value={filters.status}
            onChange={(status?: OrderStatus) => set({ status })}
            options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`order.statusNames.${s}`) }))}
            style={{ width: 140 }}
            data-testid="order-status-filter"
          />
        )}
        <Checkbox
          checked={filters.firstOrder === true}
          onChange={(e) => set({ firstOrder: e.target.checked ? true : undefined })}
          data-testid="order-first-order-filter"
        >
          {t('firstOrder.filter')}
        </Checkbox>
        <DatePicker.RangePicker
          placeholder={[t('order.dateRange'), t('order.dateRange')]}
          onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        />
      </Space>
      <PagedTable
        pages={orders}
        columns={columns}
        scroll={{ x: 900 }}
        empty={t('order.empty')}
        testId="order-table"
        phoneCards={{ title: 'orderNo', fields: ['customerName', 'status', 'totalFen', 'orderDate', 'ownerName'] }}
      />
    </Card>
  );
}
