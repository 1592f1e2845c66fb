import { endpoints, type StockLevel } from '@guanxi/contract';
import { Checkbox, Input, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { LoadMoreButton } from '../../platform/LoadMore';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useStockLevels, type StockFilters } from './stock.queries';
import { WarehouseSelect } from './WarehouseSelect';
import { QueryError } from '../../platform/ui/QueryResult';
import { ListTable } from '../../platform/ui/ListTable';
import { ExportButton } from '../../platform/ui/ExportButton';

/** Stock per product and warehouse; low available stock is highlighted. */
export function StockLevelsTab() {
  const { t } = useTranslation();
  // `?low=1` (from the inbox's low-stock section) opens with the low-stock filter on.
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<StockFilters>(() => (params.get('low') === '1' ? { lowOnly: true } : {}));
  const levels = useStockLevels(filters);

  const columns: TableColumnsType<StockLevel> = [
    { key: 'productCode', title: t('stock.productCode'), width: 140, render: (_, l) => l.productCode },
    { key: 'product', title: t('stock.product'), ellipsis: true, render: (_, l) => l.productName },
    { key: 'warehouse', title: t('stock.warehouse'), width: 140, render: (_, l) => l.warehouseName },
    { key: 'onHand', title: t('stock.onHand'), width: 100, align: 'right', render: (_, l) => l.onHand },
    { key: 'reserved', title: t('stock.reserved'), width: 100, align: 'right', render: (_, l) => l.reserved },
    {
      key: 'available',
      title: t('stock.available'),
      width: 130,
      align: 'right',
      render: (_, l) => (
        <Space size={4}>
          {l.low && <Tag color="red">{t('stock.low')}</Tag>}
          <Typography.Text strong type={l.low ? 'danger' : undefined} data-testid="stock-available">
            {l.available}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'unit', title: t('stock.unit'), width: 70, render: (_, l) => l.unit },
    {
      key: 'updatedAt',
      title: t('stock.updatedAt'),
      width: 160,
      render: (_, l) => dayjs(l.updatedAt).format('YYYY-MM-DD HH:mm'),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <WarehouseSelect
          allowClear
          includeInactive
          placeholder={t('stock.allWarehouses')}
          style={{ width: 180 }}
          onChange={(warehouseId) => setFilters((f) => ({ ...f, warehouseId }))}
        />
        <Input.Search
          allowClear
          placeholder={t('stock.searchProduct')}
          style={{ width: 240 }}
          onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
          data-testid="stock-search"
        />
        <Checkbox
          checked={filters.lowOnly === true}
          onChange={(e) => setFilters((f) => ({ ...f, lowOnly: e.target.checked || undefined }))}
        >
          {t('stock.lowOnly')}
        </Checkbox>
        <ExportButton endpoint={endpoints.stock.exportLevels} query={filters} />
      </Space>
      <QueryError query={levels} />
      <ListTable
        columns={columns}
        pages={levels}
        rowClassName={(l) => (l.low ? 'stock-low-row' : '')}
        onRow={(l) => (l.low ? { style: { background: 'var(--ant-color-error-bg, #fff2f0)' } } : {})}
        scroll={{ x: 1000 }}
        testId="stock-level-table"
      />
      <LoadMoreButton pages={levels} />
    </>
  );
}
