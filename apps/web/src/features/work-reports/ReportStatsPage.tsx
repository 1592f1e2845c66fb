import { endpoints, REPORT_KINDS, type ReportKind, type ReportStatsRow } from '@guanxi/contract';
import { Alert, Card, DatePicker, Segmented, Space, Table, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportStats } from './reports.queries';
import { ListTable } from '../../platform/ui/ListTable';
import { ExportButton } from '../../platform/ui/ExportButton';
import { useMe } from '../../platform/session.queries';
import { PlanStatsCard } from '../work-plans';
import { orgToday } from '../../platform/orgToday';

const DEFAULT_DAYS: Record<ReportKind, number> = { daily: 30, weekly: 84, monthly: 180 };

/** Submitted / late / missing and reviewed / unreviewed per person, with the team's total. */
export default function ReportStatsPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ReportKind>('daily');
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [
    orgToday().subtract(DEFAULT_DAYS.daily, 'day'),
    orgToday(),
  ]);
  const period = { kind, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const stats = useReportStats(period);
  const canSeePlans = useMe().data?.permissions.includes('plans.view') ?? false;
  const number = (key: keyof Omit<ReportStatsRow, 'user' | 'departmentName'>) => ({
    key,
    title: t(`reportStats.${key}`),
    width: 90,
    render: (_: unknown, row: Omit<ReportStatsRow, 'user' | 'departmentName'>) => row[key] ?? '—',
  });
  const columns: TableColumnsType<ReportStatsRow> = [
    { key: 'person', title: t('reportStats.person'), fixed: 'left', width: 110, render: (_, row) => row.user.name },
    {
      key: 'department',
      title: t('reportStats.department'),
      width: 120,
      render: (_, row) => row.departmentName ?? '—',
    },
    ...(['expected', 'submitted', 'late', 'missing', 'reviewed', 'unreviewed', 'averageScore'] as const).map(number),
  ];

  return (
    <>
      <Card title={t('report.stats')} styles={{ body: { padding: 12 } }}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented<ReportKind>
            value={kind}
            onChange={(next) => {
              setKind(next);
              setRange([orgToday().subtract(DEFAULT_DAYS[next], 'day'), orgToday()]);
            }}
            options={REPORT_KINDS.map((k) => ({ value: k, label: t(`report.kinds.${k}`) }))}
          />
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
          />
          <ExportButton endpoint={endpoints.workReports.exportStats} query={period} />
        </Space>
        {stats.isError && <Alert type="error" showIcon title={stats.error.message} style={{ marginBottom: 12 }} />}
        <ListTable<ReportStatsRow>
          rowKey={(row) => row.user.id}
          size="small"
          columns={columns}
          rows={stats.data?.rows ?? []}
          loading={stats.isPending}
          scroll={{ x: 860 }}
          testId="report-stats"
          summary={() =>
            stats.data && (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  <strong>{t('reportStats.team')}</strong>
                </Table.Summary.Cell>
                {(['expected', 'submitted', 'late', 'missing', 'reviewed', 'unreviewed', 'averageScore'] as const).map(
                  (key, i) => (
                    <Table.Summary.Cell key={key} index={i + 2}>
                      {stats.data.team[key] ?? '—'}
                    </Table.Summary.Cell>
                  ),
                )}
              </Table.Summary.Row>
            )
          }
        />
      </Card>
      {canSeePlans && <PlanStatsCard from={period.from} to={period.to} />}
    </>
  );
}
