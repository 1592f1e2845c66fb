import { endpoints, type LifecycleBoard, type Stage } from '@guanxi/contract';
import { Card, Col, DatePicker, Grid, List, Row, Space, Spin, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadStageChart } from '../workbench';
import { useCurrentStays, useLifecycleBoard } from './lifecycle.queries';
import { QueryError } from '../../platform/ui/QueryResult';
import { ListTable } from '../../platform/ui/ListTable';
import { ExportButton } from '../../platform/ui/ExportButton';
import { OwnerDwellTable, StageDwellTable } from './DwellTables';
import { ownerDwellRows, stageDwellRows } from './dwellRows';
import { RelationshipSummaryCard } from '../relationship';

const StageChart = lazy(loadStageChart);

type ConversionRow = LifecycleBoard['conversions'][number];
type BackwardRow = LifecycleBoard['backwardMoves'][number];
type OwnerRow = LifecycleBoard['stuckByOwner'][number];

/** Counts per stage (click → list), conversion, dwell of current and ended stays (click → longest in the stage) and stuck customers, for a chosen period. */
export default function LifecycleBoardPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [
    dayjs().subtract(90, 'day').startOf('day'),
    dayjs().endOf('day'),
  ]);
  const period = { from: range[0].toISOString(), to: range[1].toISOString() };
  const board = useLifecycleBoard(period);
  const stageName = (stage: Stage) => t(`stage.${stage}`);
  // Below md the two tables become sentences: four numeric columns do not fit a phone.
  const isNarrow = !Grid.useBreakpoint().md;

  const percent = (rate: number | null) => (rate === null ? t('common.empty') : `${(rate * 100).toFixed(1)}%`);
  const conversionColumns: TableColumnsType<ConversionRow> = [
    { key: 'stage', title: t('board.stage'), render: (_, r) => stageName(r.stage) },
    { key: 'entered', title: t('board.cohortEntered'), dataIndex: 'entered', align: 'end' },
    { key: 'converted', title: t('board.converted'), dataIndex: 'converted', align: 'end' },
    { key: 'rate', title: t('board.rate'), align: 'end', render: (_, r) => percent(r.rate) },
  ];
  const backwardColumns: TableColumnsType<BackwardRow> = [
    { key: 'from', title: t('board.from'), render: (_, r) => stageName(r.from) },
    { key: 'to', title: t('board.to'), render: (_, r) => stageName(r.to) },
    { key: 'count', title: t('board.moves'), dataIndex: 'count', align: 'end' },
  ];
  const ownerColumns: TableColumnsType<OwnerRow> = [
    { key: 'owner', title: t('board.owner'), dataIndex: 'ownerName' },
    { key: 'count', title: t('board.stuckCount'), dataIndex: 'count', align: 'end' },
  ];

  const data = board.data;
  // Counted on its own (it reads every customer in scope): the board's counters do not wait for it.
  const current = useCurrentStays();
  const counts = Object.fromEntries((data?.stages ?? []).map((s) => [s.stage, s.count])) as Record<Stage, number>;

  return (
    <Card
      title={t('board.title')}
      extra={
        <Space wrap>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(value) => {
              if (value?.[0] && value[1]) setRange([value[0].startOf('day'), value[1].endOf('day')]);
            }}
            aria-label={t('board.period')}
            data-testid="board-range"
          />
          <ExportButton endpoint={endpoints.lifecycle.exportBoard} query={period} />
        </Space>
      }
    >
      <QueryError query={board} />
      {board.isPending ? (
        <Spin style={{ display: 'block', margin: 48 }} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card
              size="small"
              title={t('board.counts')}
              extra={<Typography.Text type="secondary">{t('board.clickHint')}</Typography.Text>}
            >
              <Suspense fallback={<Spin />}>
                <StageChart counts={counts} />
              </Suspense>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('board.conversion')}>
              <Typography.Paragraph type="secondary">{t('board.conversionHint')}</Typography.Paragraph>
              {isNarrow ? (
                <List
                  size="small"
                  dataSource={data?.conversions ?? []}
                  data-testid="board-conversion"
                  renderItem={(r) => (
                    <List.Item>
                      {t('board.conversionLine', {
                        stage: stageName(r.stage),
                        entered: r.entered,
                        converted: r.converted,
                        rate: percent(r.rate),
                      })}
                    </List.Item>
                  )}
                />
              ) : (
                <ListTable<ConversionRow>
                  rowKey="stage"
                  size="small"
                  columns={conversionColumns}
                  rows={data?.conversions ?? []}
                  testId="board-conversion"
                />
              )}
            </Card>
            <Card size="small" title={t('board.backward')} style={{ marginTop: 16 }}>
              <Typography.Paragraph type="secondary">{t('board.backwardHint')}</Typography.Paragraph>
              {isNarrow ? (
                <List
                  size="small"
                  dataSource={data?.backwardMoves ?? []}
                  locale={{ emptyText: t('board.backwardEmpty') }}
                  data-testid="board-backward"
                  renderItem={(r) => (
                    <List.Item>
                      {t('board.backwardLine', { from: stageName(r.from), to: stageName(r.to), count: r.count })}
                    </List.Item>
                  )}
                />
              ) : (
                <ListTable<BackwardRow>
                  rowKey={(r) => `${r.from}-${r.to}`}
                  size="small"
                  columns={backwardColumns}
                  rows={data?.backwardMoves ?? []}
                  empty={t('board.backwardEmpty')}
                  testId="board-backward"
                />
              )}
            </Card>
          </Col>
          <Col xs={24}>
            <RelationshipSummaryCard />
          </Col>
          <Col xs={24}>
            <Card size="small" title={t('board.dwell')}>
              <StageDwellTable stages={stageDwellRows(data, current.data)} counting={current.isPending} />
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('board.dwellByOwner')}>
              <OwnerDwellTable
                rows={ownerDwellRows(data, current.data)}
                stageOrder={(data?.stages ?? []).map((s) => s.stage)}
                counting={current.isPending}
              />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('board.stuckByOwner')}>
              <ListTable<OwnerRow>
                rowKey="ownerId"
                size="small"
                columns={ownerColumns}
                rows={data?.stuckByOwner ?? []}
                testId="board-stuck-owners"
              />
            </Card>
          </Col>
        </Row>
      )}
    </Card>
  );
}
