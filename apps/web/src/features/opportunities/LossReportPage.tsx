import type { CompetitorWinRate, LossReportRow } from '@guanxi/contract';
import { Alert, Card, Col, DatePicker, Empty, Grid, List, Row, Space, Spin, Statistic, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormatMoney, useFormatMoneyCompact } from '../../platform/money';
import { ListTable } from '../../platform/ui/ListTable';
import { OpportunityViewSwitch } from './OpportunityViewSwitch';
import { useLossReport } from './competition.queries';
import { useReasonLabel } from './opportunityLabels';
import { orgToday } from '../../platform/orgToday';

const LossChart = lazy(() => import('./LossChart'));
type Dimension = 'lossReasonId' | 'lostToCompetitorId';

/** 输单分析: lost deals of a period by reason and by competitor, and the win rate against each competitor. */
export default function LossReportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const money = useFormatMoney();
  const compact = useFormatMoneyCompact();
  const reasonLabel = useReasonLabel();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [orgToday().startOf('year'), orgToday()]);
  const query = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const report = useLossReport(query);
  const currency = report.data?.currency ?? 'CNY';
  const competitorLabel = (row: LossReportRow) => row.name ?? t('lossReason.noCompetitor');
  const open = (dimension: Dimension, row: LossReportRow) =>
    void navigate(
      `/opportunities?status=lost&${dimension}=${row.id ?? 'none'}&closedFrom=${query.from}&closedTo=${query.to}`,
    );
  const total = report.data?.total.count ?? 0;
  const isNarrow = !(Grid.useBreakpoint().md ?? true);
  const share = (row: LossReportRow) => `${Math.round((row.count / Math.max(total, 1)) * 100)}%`;

  const lossTable = (dimension: Dimension, rows: LossReportRow[], labelOf: (row: LossReportRow) => string) =>
    isNarrow ? (
      <List
        dataSource={rows}
        data-testid={`loss-table-${dimension}`}
        renderItem={(row) => (
          <List.Item onClick={() => open(dimension, row)} style={{ cursor: 'pointer' }}>
            <List.Item.Meta
              title={labelOf(row)}
              description={`${t('lossReport.count')} ${row.count} · ${share(row)} · ${money(row.amountFen, currency)}`}
            />
          </List.Item>
        )}
      />
    ) : (
      <ListTable<LossReportRow>
        rows={rows}
        rowKey={(row) => row.id ?? 'none'}
        size="small"
        onRow={(row) => ({ onClick: () => open(dimension, row), style: { cursor: 'pointer' } })}
        columns={[
          {
            key: 'name',
            title: t(dimension === 'lossReasonId' ? 'lossReason.reason' : 'competitor.column'),
            render: (_, row) => labelOf(row),
          },
          { key: 'count', title: t('lossReport.count'), dataIndex: 'count', align: 'right' },
          {
            key: 'share',
            title: t('lossReport.share'),
            align: 'right',
            render: (_, row) => `${Math.round((row.count / Math.max(total, 1)) * 100)}%`,
          },
          {
            key: 'amount',
            title: t('lossReport.amount'),
            align: 'right',
            render: (_, row) => money(row.amountFen, currency),
          },
        ]}
        testId={`loss-table-${dimension}`}
      />
    );

  const section = (
    dimension: Dimension,
    title: string,
    rows: LossReportRow[],
    labelOf: (row: LossReportRow) => string,
  ) => (
    <Col xs={24} xl={12}>
      <Card size="small" title={title}>
        <Suspense fallback={<Spin />}>
          <LossChart
            rows={rows}
            currency={currency}
            labelOf={labelOf}
            onPick={(row) => open(dimension, row)}
            testId={`loss-chart-${dimension}`}
          />
        </Suspense>
        {lossTable(dimension, rows, labelOf)}
      </Card>
    </Col>
  );

  return (
    <Card title={t('lossReport.title')} extra={isNarrow ? undefined : <OpportunityViewSwitch />}>
      {/* On a phone the switch would cover the title: it goes above the period instead. */}
      {isNarrow && (
        <div style={{ marginBottom: 12, overflowX: 'auto' }}>
          <OpportunityViewSwitch />
        </div>
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Typography.Text>{t('lossReport.period')}</Typography.Text>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
          data-testid="loss-report-range"
        />
      </Space>
      {report.isPending && <Spin />}
      {report.isError && <Alert type="error" showIcon title={report.error.message} />}
      {report.data && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Space size={48} wrap>
            <Statistic title={t('lossReport.count')} value={report.data.total.count} data-testid="loss-total-count" />
            <Statistic
              title={t('lossReport.amount')}
              valueRender={() => (
                <span title={money(report.data.total.amountFen, currency)}>
                  {compact(report.data.total.amountFen, currency)}
                </span>
              )}
            />
          </Space>
          {total === 0 ? (
            <Empty description={t('lossReport.empty')} />
          ) : (
            <>
              <Typography.Text type="secondary">{t('lossReport.clickHint')}</Typography.Text>
              <Row gutter={[16, 16]}>
                {section('lossReasonId', t('lossReport.byReason'), report.data.byReason, reasonLabel)}
                {section('lostToCompetitorId', t('lossReport.byCompetitor'), report.data.byCompetitor, competitorLabel)}
              </Row>
            </>
          )}
          <Card size="small" title={t('lossReport.winRates')}>
            <ListTable<CompetitorWinRate>
              rows={report.data.winRates}
              rowKey="competitorId"
              size="small"
              empty={t('lossReport.winRatesEmpty')}
              columns={[
                { key: 'name', title: t('competitor.name'), dataIndex: 'name' },
                { key: 'won', title: t('lossReport.won'), dataIndex: 'won', align: 'right' },
                { key: 'lost', title: t('lossReport.lost'), dataIndex: 'lost', align: 'right' },
                {
                  key: 'rate',
                  title: t('lossReport.winRate'),
                  align: 'right',
                  render: (_, row) => `${Math.round((row.won / Math.max(row.won + row.lost, 1)) * 100)}%`,
                },
              ]}
              testId="loss-win-rates"
            />
          </Card>
        </Space>
      )}
    </Card>
  );
}
