import { DEFAULT_CURRENCY, endpoints, type AgeingGroup, type AgeingRow } from '@guanxi/contract';
import { Card, DatePicker, Radio, Space, Spin, Table, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadMoreFooter } from '../../platform/LoadMore';
import { useFormatMoney } from '../../platform/money';
import { AGEING_BUCKETS } from './ageingBuckets';
import { useReceivablesAgeing } from './payments.queries';
import { QueryError } from '../../platform/ui/QueryResult';
import { ListTable } from '../../platform/ui/ListTable';
import { ExportButton } from '../../platform/ui/ExportButton';

// echarts is large: the chart loads with its own chunk, after the table.
const AgeingChart = lazy(() => import('./AgeingChart'));

/** 应收账龄: unpaid receivables by days past due, per customer or owner, with totals. */
export default function ReceivablesAgeingPage() {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const [groupBy, setGroupBy] = useState<AgeingGroup>('customer');
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const filters = { groupBy, ...(asOf ? { asOf: asOf.format('YYYY-MM-DD') } : {}) };
  const report = useReceivablesAgeing(filters);
  const pages = report.data?.pages ?? [];
  const rows = pages.flatMap((page) => page.items);
  const totals = pages[0]?.totals;
  const currency = pages[0]?.currency ?? DEFAULT_CURRENCY;
  const unknownName = t('ageing.unknown');
  const amount = (fen: number) =>
    fen === 0 ? <Typography.Text type="secondary">{money(0, currency)}</Typography.Text> : money(fen, currency);
  const columns: TableColumnsType<AgeingRow> = [
    {
      title: groupBy === 'customer' ? t('ageing.customer') : t('ageing.owner'),
      dataIndex: 'name',
      fixed: 'left',
      render: (name: string | null, row) =>
        groupBy === 'customer' ? <Link to={`/customers/${row.id}`}>{name ?? unknownName}</Link> : (name ?? unknownName),
    },
    ...AGEING_BUCKETS.map((bucket) => ({
      title: t(`ageing.${bucket.label}`),
      dataIndex: bucket.field,
      align: 'right' as const,
      render: amount,
    })),
    {
      title: t('ageing.total'),
      dataIndex: 'totalFen',
      align: 'right',
      render: (fen: number) => <strong>{money(fen, currency)}</strong>,
    },
  ];

  return (
    <Card
      title={t('ageing.title')}
      extra={
        <Space wrap>
          <Radio.Group
            optionType="button"
            value={groupBy}
            onChange={(e) => setGroupBy(e.target.value as AgeingGroup)}
            options={[
              { value: 'customer', label: t('ageing.byCustomer') },
              { value: 'owner', label: t('ageing.byOwner') },
            ]}
            data-testid="ageing-group"
          />
          <DatePicker value={asOf} onChange={setAsOf} placeholder={t('ageing.asOf')} />
          <ExportButton endpoint={endpoints.payments.exportAgeing} query={filters} />
        </Space>
      }
    >
      <QueryError query={report} />
      {rows.length > 0 && (
        <Suspense fallback={<Spin />}>
          <AgeingChart rows={rows} currency={currency} unknownName={unknownName} />
        </Suspense>
      )}
      <ListTable<AgeingRow>
        columns={columns}
        rows={rows}
        loading={report.isPending}
        scroll={{ x: 900 }}
        empty={t('ageing.empty')}
        testId="ageing-table"
        summary={() =>
          totals && rows.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{t('ageing.totals')}</strong>
              </Table.Summary.Cell>
              {AGEING_BUCKETS.map((bucket, index) => (
                <Table.Summary.Cell key={bucket.field} index={index + 1} align="right">
                  {money(totals[bucket.field], currency)}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={AGEING_BUCKETS.length + 1} align="right">
                <strong>{money(totals.totalFen, currency)}</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      <LoadMoreFooter pages={report} rowCount={rows.length} />
    </Card>
  );
}
