import type { PipelineGroup, PipelineQuery, PipelineStage } from '@guanxi/contract';
import { Alert, Card, Col, DatePicker, Row, Segmented, Space, Spin, Statistic } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OpportunityViewSwitch } from './OpportunityViewSwitch';
import { usePipeline } from './opportunities.queries';
import { useFormatMoney, useFormatMoneyCompact } from '../../platform/money';
import { useStageLabel } from './opportunityLabels';
import { ListTable } from '../../platform/ui/ListTable';

// ECharts is a large chunk: load it only with this page.
const PipelineChart = lazy(() => import('./PipelineChart'));

/** 加权销售漏斗: open amounts and amount × probability per owner or team, and per stage. */
export default function PipelinePage() {
  const { t } = useTranslation();
  const stageLabel = useStageLabel();
  const [query, setQuery] = useState<PipelineQuery>({ groupBy: 'owner' });
  const pipeline = usePipeline(query);
  const emptyName = query.groupBy === 'department' ? t('pipeline.noDepartment') : t('common.empty');
  const formatMoney = useFormatMoney();
  const formatCompact = useFormatMoneyCompact();
  // Every sum of the pipeline is in its one currency (CNY unless asked otherwise).
  const money = (fen: number) => formatMoney(fen, pipeline.data?.currency);
  // KPI figures at a glance (¥23.8万); the full amount stays in the title and the table below.
  const kpi = (fen: number) => <span title={money(fen)}>{formatCompact(fen, pipeline.data?.currency)}</span>;

  return (
    <Card title={t('pipeline.title')} extra={<OpportunityViewSwitch />}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={query.groupBy}
          onChange={(groupBy) => setQuery((q) => ({ ...q, groupBy: groupBy as PipelineQuery['groupBy'] }))}
          options={[
            { value: 'owner', label: t('pipeline.byOwner') },
            { value: 'department', label: t('pipeline.byDepartment') },
          ]}
          data-testid="pipeline-group-by"
        />
        <DatePicker.RangePicker
          onChange={(range) =>
            setQuery((q) => ({ ...q, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') }))
          }
          placeholder={[t('opportunity.expectedCloseDate'), t('opportunity.expectedCloseDate')]}
        />
      </Space>
      {pipeline.isError && <Alert type="error" showIcon title={pipeline.error.message} />}
      {pipeline.isPending ? (
        <Spin />
      ) : (
        pipeline.data && (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Row gutter={16}>
              <Col xs={8}>
                <Statistic title={t('pipeline.count')} value={pipeline.data.total.count} />
              </Col>
              <Col xs={8}>
                <Statistic title={t('pipeline.amount')} valueRender={() => kpi(pipeline.data.total.amountFen)} />
              </Col>
              <Col xs={8}>
                <Statistic
                  title={t('pipeline.weightedAmount')}
                  valueRender={() => kpi(pipeline.data.total.weightedAmountFen)}
                  data-testid="pipeline-weighted-total"
                />
              </Col>
            </Row>
            <Suspense fallback={<Spin />}>
              <PipelineChart groups={pipeline.data.groups} currency={pipeline.data.currency} emptyName={emptyName} />
            </Suspense>
            <ListTable<PipelineGroup>
              rowKey={(g) => g.key ?? 'none'}
              size="small"
              rows={pipeline.data.groups}
              testId="pipeline-table"
              columns={[
                { key: 'name', title: t('pipeline.group'), render: (_, g) => g.name ?? emptyName },
                { key: 'count', title: t('pipeline.count'), dataIndex: 'count', align: 'right' },
                { key: 'amount', title: t('pipeline.amount'), align: 'right', render: (_, g) => money(g.amountFen) },
                {
                  key: 'weighted',
                  title: t('pipeline.weightedAmount'),
                  align: 'right',
                  render: (_, g) => money(g.weightedAmountFen),
                },
              ]}
            />
            <ListTable<PipelineStage>
              rowKey="stageId"
              size="small"
              title={() => t('pipeline.byStage')}
              rows={pipeline.data.stages}
              columns={[
                {
                  key: 'stage',
                  title: t('opportunity.stage'),
                  render: (_, s) => `${stageLabel(s)} · ${s.probability}%`,
                },
                { key: 'count', title: t('pipeline.count'), dataIndex: 'count', align: 'right' },
                { key: 'amount', title: t('pipeline.amount'), align: 'right', render: (_, s) => money(s.amountFen) },
                {
                  key: 'weighted',
                  title: t('pipeline.weightedAmount'),
                  align: 'right',
                  render: (_, s) => money(s.weightedAmountFen),
                },
              ]}
            />
          </Space>
        )
      )}
    </Card>
  );
}
