import { endpoints, STOCK_MOVEMENT_KINDS, STOCK_MOVEMENT_STATUSES, type StockMovement } from '@guanxi/contract';
import { DatePicker, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../platform/session.queries';
import { LoadMoreButton } from '../../platform/LoadMore';
import { MovementDrawer } from './MovementDrawer';
import { useStockMovements, type MovementFilters } from './stock.queries';
import { WarehouseSelect } from './WarehouseSelect';
import { QueryError } from '../../platform/ui/QueryResult';
import { ListTable } from '../../platform/ui/ListTable';
import { NewButton } from '../../platform/ui/NewButton';
import { ExportButton } from '../../platform/ui/ExportButton';

const STATUS_COLORS = { pending: 'gold', done: 'green', cancelled: 'default' } as const;

/** All movements, newest first, with filters and the "new movement" drawer. */
export function MovementsTab() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<MovementFilters>({});
  const [drawerOpen, setDrawerOpen] = useState(false);
  const canRecord = useHasPermission('stock.record');
  const movements = useStockMovements(filters);

  const columns: TableColumnsType<StockMovement> = [
    {
      key: 'createdAt',
      title: t('stock.createdAt'),
      width: 150,
      render: (_, m) => dayjs(m.createdAt).format('YYYY-MM-DD HH:mm'),
    },
    { key: 'kind', title: t('stock.kind'), width: 100, render: (_, m) => t(`stock.kinds.${m.kind}`) },
    {
      key: 'status',
      title: t('stock.status'),
      width: 90,
      render: (_, m) => <Tag color={STATUS_COLORS[m.status]}>{t(`stock.statuses.${m.status}`)}</Tag>,
    },
    {
      key: 'product',
      title: t('stock.product'),
      width: 200,
      ellipsis: true,
      render: (_, m) => `${m.productName} (${m.productCode})`,
    },
    {
      key: 'warehouse',
      title: t('stock.warehouse'),
      width: 170,
      render: (_, m) => (m.toWarehouseName ? `${m.warehouseName} → ${m.toWarehouseName}` : m.warehouseName),
    },
    {
      key: 'quantity',
      title: t('stock.quantity'),
      width: 90,
      align: 'right',
      render: (_, m) => {
        // Issues leave the warehouse; adjustments carry their own sign.
        const signed = m.kind === 'issue' ? -m.quantity : m.quantity;
        return (
          <Typography.Text type={signed < 0 ? 'danger' : undefined}>
            {signed > 0 && m.kind !== 'transfer' ? `+${signed}` : signed}
          </Typography.Text>
        );
      },
    },
    { key: 'orderNo', title: t('stock.orderNo'), width: 140, render: (_, m) => m.orderNo ?? t('common.empty') },
    {
      key: 'reason',
      title: t('stock.reason'),
      width: 160,
      ellipsis: true,
      // Order issues carry the fixed reason 'order'; show it in the reader's language.
      render: (_, m) => (m.orderId && m.reason === 'order' ? t('stock.reasonOrder') : (m.reason ?? t('common.empty'))),
    },
    {
      key: 'createdBy',
      title: t('stock.createdBy'),
      width: 100,
      render: (_, m) => m.createdByName ?? t('common.empty'),
    },
    {
      key: 'confirmedBy',
      title: t('stock.confirmedBy'),
      width: 150,
      render: (_, m) =>
        m.confirmedAt ? `${m.confirmedByName ?? ''} ${dayjs(m.confirmedAt).format('MM-DD HH:mm')}` : t('common.empty'),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('stock.kind')}
          style={{ width: 130 }}
          options={STOCK_MOVEMENT_KINDS.map((kind) => ({ value: kind, label: t(`stock.kinds.${kind}`) }))}
          onChange={(kind?: MovementFilters['kind']) => setFilters((f) => ({ ...f, kind }))}
        />
        <Select
          allowClear
          placeholder={t('stock.status')}
          style={{ width: 120 }}
          options={STOCK_MOVEMENT_STATUSES.map((status) => ({ value: status, label: t(`stock.statuses.${status}`) }))}
          onChange={(status?: MovementFilters['status']) => setFilters((f) => ({ ...f, status }))}
        />
        <WarehouseSelect
          allowClear
          includeInactive
          placeholder={t('stock.allWarehouses')}
          style={{ width: 180 }}
          onChange={(warehouseId) => setFilters((f) => ({ ...f, warehouseId }))}
        />
        <DatePicker.RangePicker
          onChange={(range) =>
            setFilters((f) => ({
              ...f,
              from: range?.[0]?.format('YYYY-MM-DD'),
              to: range?.[1]?.format('YYYY-MM-DD'),
            }))
          }
        />
        {canRecord && (
          <NewButton type="primary" onClick={() => setDrawerOpen(true)} data-testid="stock-new-movement">
            {t('stock.newMovement')}
          </NewButton>
        )}
        <ExportButton endpoint={endpoints.stock.exportMovements} query={filters} />
      </Space>
      <QueryError query={movements} />
      <ListTable columns={columns} pages={movements} scroll={{ x: 1400 }} testId="stock-movement-table" />
      <LoadMoreButton pages={movements} />
      <MovementDrawer open={drawerOpen} onClose={() => setDrawerOpen(false)} />
    </>
  );
}
