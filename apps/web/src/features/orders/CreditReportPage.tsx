import type { CreditReportRow } from '@guanxi/contract';
import { Button, Card, Segmented, Space, Switch, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHasPermission } from '../../platform/session.queries';
import { useFormatMoney } from '../../platform/money';
import { CreditEditModal } from './CreditEditModal';
import { useCreditReport, type CreditReportFilters } from './orders.queries';
import { PagedTable } from '../../platform/ui/PagedTable';
import { SearchFilter } from '../../platform/ui/SearchFilter';

/** 信用报表 (finance): limit, used, available and overdue per customer; limits editable with credit.manage. */
export default function CreditReportPage() {
  const { t } = useTranslation();
  const formatMoney = useFormatMoney();
  const canManage = useHasPermission('credit.manage');
  const [filters, setFilters] = useState<CreditReportFilters>({});
  const [editing, setEditing] = useState<CreditReportRow | null>(null);
  const report = useCreditReport(filters);
  const set = (next: Partial<CreditReportFilters>) => setFilters((current) => ({ ...current, ...next }));
  const money = (fen: number | null) => (fen === null ? '—' : formatMoney(fen));

  const columns: TableColumnsType<CreditReportRow> = [
    {
      title: t('credit.customer'),
      dataIndex: 'customerName',
      render: (name: string, row) => <Link to={`/customers/${row.customerId}?tab=orders`}>{name}</Link>,
    },
    { title: t('credit.owner'), dataIndex: 'ownerName', render: (name: string | null) => name ?? '—' },
    {
      title: t('credit.limit'),
      dataIndex: 'limitFen',
      align: 'right',
      render: (f: number | null) => (f === null ? t('credit.noLimit') : money(f)),
    },
    { title: t('credit.term'), dataIndex: 'termDays', align: 'right', render: (d: number | null) => d ?? '—' },
    { title: t('credit.used'), dataIndex: 'usedFen', align: 'right', render: money },
    {
      title: t('credit.available'),
      dataIndex: 'availableFen',
      align: 'right',
      render: (f: number | null) => (
        <Typography.Text type={f !== null && f < 0 ? 'danger' : undefined}>{money(f)}</Typography.Text>
      ),
    },
    {
      title: t('credit.overdue'),
      dataIndex: 'overdueFen',
      align: 'right',
      render: (f: number) => <Typography.Text type={f > 0 ? 'danger' : undefined}>{money(f)}</Typography.Text>,
    },
    ...(canManage
      ? [
          {
            key: 'edit',
            render: (_: unknown, row: CreditReportRow) => (
              <Button size="small" type="link" onClick={() => setEditing(row)}>
                {t('credit.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card title={t('credit.title')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <SearchFilter placeholder={t('credit.search')} onSearch={(q) => set({ q })} />
        <Segmented
          value={filters.sort ?? '-used'}
          onChange={(sort) => set({ sort: sort as CreditReportFilters['sort'] })}
          options={[
            { value: '-used', label: t('credit.sortUsed') },
            { value: 'name', label: t('credit.sortName') },
          ]}
        />
        <Space>
          <Switch
            checked={filters.overOnly ?? false}
            onChange={(on) => set({ overOnly: on || undefined })}
            data-testid="credit-over-only"
          />
          {t('credit.overOnly')}
        </Space>
      </Space>
      <PagedTable
        pages={report}
        columns={columns}
        loading={report.isPending}
        scroll={{ x: 900 }}
        empty={t('credit.empty')}
        testId="credit-report"
        noMore={false}
      />
      {editing && (
        <CreditEditModal
          customerId={editing.customerId}
          current={{ limitFen: editing.limitFen, termDays: editing.termDays, version: editing.creditVersion }}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
