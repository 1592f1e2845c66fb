import { endpoints, type ProfitContributionRow, type ProfitContributionTotals } from '@guanxi/contract';
import { Card, DatePicker, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useHasPermission } from '../../platform/session.queries';
import { useFormatMoney } from '../../platform/money';
import { ActiveUserSelect } from '../users';
import { useProfitContribution, type ProfitContributionFilters } from './customerValue.queries';
import { rightColumn, usePercent } from './valueDisplay';
import { PagedTable } from '../../platform/ui/PagedTable';
import { SearchFilter } from '../../platform/ui/SearchFilter';
import { ExportButton } from '../../platform/ui/ExportButton';
import { orgToday } from '../../platform/orgToday';

const DATE = 'YYYY-MM-DD';
/** The twelve months up to today, as the server defaults to. */
const lastTwelveMonths = (): ProfitContributionFilters => ({
  from: orgToday().subtract(12, 'month').add(1, 'day').format(DATE),
  to: orgToday().format(DATE),
});

/** 利润贡献: customers ranked by profit contribution (domain §5) for a period, with totals. */
export default function ProfitContributionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const money = useFormatMoney();
  const percent = usePercent();
  const canPickOwner = useHasPermission('users.view');
  const [filters, setFilters] = useState<ProfitContributionFilters>(lastTwelveMonths);
  const report = useProfitContribution(filters);
  const pages = report.data?.pages ?? [];
  const rows = pages.flatMap((page) => page.items);
  const totals = pages[0]?.totals;
  const currency = pages[0]?.currency;
  const fen = (value: number) => money(value, currency);
  const set = (next: Partial<ProfitContributionFilters>) => setFilters((current) => ({ ...current, ...next }));

  const columns: ColumnsType<ProfitContributionRow> = [
    { key: 'rank', title: t('customerValue.rank'), dataIndex: 'rank', width: 72, align: 'right' },
    // The name in full (it wraps if it must): truncated, 上海汇丰贸易… and 上海汇丰贸易集团 read the same.
    { key: 'customer', title: t('customerValue.customer'), dataIndex: 'customerName', width: 240 },
    { key: 'owner', title: t('customerValue.owner'), render: (_, row) => row.ownerName ?? t('common.empty') },
    { key: 'orders', title: t('customerValue.ordersCount'), dataIndex: 'ordersCount', align: 'right' },
    rightColumn('revenue', t('customerValue.revenue'), (row) => fen(row.revenueFen)),
    rightColumn('cost', t('customerValue.cost'), (row) => fen(row.costFen)),
    rightColumn('gross', t('customerValue.grossProfit'), (row) => fen(row.grossProfitFen)),
    rightColumn('expenses', t('customerValue.expenses'), (row) => fen(row.expensesFen)),
    {
      key: 'profit',
      title: t('customerValue.profit'),
      align: 'right',
      render: (_, row) => (
        <Typography.Text strong type={row.profitFen < 0 ? 'danger' : undefined}>
          {fen(row.profitFen)}
        </Typography.Text>
      ),
    },
    rightColumn('margin', t('customerValue.margin'), (row) => percent(row.marginPct)),
  ];

  const summary = (sums: ProfitContributionTotals) => (
    <Table.Summary fixed>
      <Table.Summary.Row data-testid="profit-totals">
        <Table.Summary.Cell index={0} colSpan={3}>
          <Typography.Text strong>{t('customerValue.totals')}</Typography.Text>{' '}
          <Typography.Text type="secondary">
            {t('customerValue.customersCount')} {sums.customers}
          </Typography.Text>
        </Table.Summary.Cell>
        <Table.Summary.Cell index={3} align="right">
          {sums.ordersCount}
        </Table.Summary.Cell>
        <Table.Summary.Cell index={4} align="right">
          {fen(sums.revenueFen)}
        </Table.Summary.Cell>
        <Table.Summary.Cell index={5} align="right">
          {fen(sums.costFen)}
        </Table.Summary.Cell>
        <Table.Summary.Cell index={6} align="right">
          {fen(sums.grossProfitFen)}
        </Table.Summary.Cell>
        <Table.Summary.Cell index={7} align="right">
          {fen(sums.expensesFen)}
        </Table.Summary.Cell>
        <Table.Summary.Cell index={8} align="right">
          <Typography.Text strong>{fen(sums.profitFen)}</Typography.Text>
        </Table.Summary.Cell>
        <Table.Summary.Cell index={9} align="right">
          {percent(sums.marginPct)}
        </Table.Summary.Cell>
      </Table.Summary.Row>
    </Table.Summary>
  );

  return (
    <Card title={t('customerValue.profitTitle')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Tooltip title={t('customerValue.periodHint')}>
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(filters.from), dayjs(filters.to)]}
            onChange={(range) => {
              if (range?.[0] && range[1]) set({ from: range[0].format(DATE), to: range[1].format(DATE) });
            }}
            presets={[
              {
                label: t('customerValue.last12Months'),
                value: [orgToday().subtract(12, 'month').add(1, 'day'), orgToday()],
              },
            ]}
            data-testid="profit-period"
          />
        </Tooltip>
        <SearchFilter placeholder={t('customerValue.searchPlaceholder')} onSearch={(q) => set({ q })} />
        {canPickOwner && (
          <ActiveUserSelect
            allowClear
            placeholder={t('customerValue.owner')}
            onChange={(ownerId) => set({ ownerId: ownerId as string | undefined })}
            style={{ width: 160 }}
          />
        )}
        <ExportButton endpoint={endpoints.customerValue.exportProfitContribution} query={filters} />
      </Space>
      <PagedTable<ProfitContributionRow>
        pages={report}
        rowKey="customerId"
        columns={columns}
        rows={rows}
        scroll={{ x: 1100 }}
        empty={t('customerValue.empty')}
        summary={() => (totals && rows.length > 0 ? summary(totals) : null)}
        onRow={(row) => ({
          onClick: () => void navigate(`/customers/${row.customerId}`),
          style: { cursor: 'pointer' },
        })}
        testId="profit-table"
      />
    </Card>
  );
}
