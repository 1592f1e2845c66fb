import type { Stage } from '@guanxi/contract';
import { Grid, List, Segmented, Space, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { customerListPath } from '../customers';
import { ListTable } from '../../platform/ui/ListTable';
import type { OwnerDwellRow, StageDwellRow } from './dwellRows';

type StageRow = StageDwellRow;
type OwnerRow = OwnerDwellRow;
/** The figures both tables show for a stay: current (open) and ended, each with median and p90. */
type Stays = Pick<
  StageRow,
  'openStays' | 'openMedianDwellDays' | 'openP90DwellDays' | 'endedStays' | 'medianDwellDays' | 'p90DwellDays'
>;

/** Days with one decimal, or a dash when there is nothing to measure. */
export const formatDays = (value: number | null) => (value === null ? '—' : value.toFixed(1));

/** The customers longest in a stage (optionally one owner's): the list filtered and sorted by days in stage. */
export const longestInStagePath = (stage: Stage, ownerId?: string) =>
  customerListPath({ stage, ownerId, sort: '-daysInStage' });

/** A column group's title with the sentence that says which stays it measures. */
function GroupTitle({ title, hint }: { title: string; hint: string }) {
  return (
    <Tooltip title={hint}>
      <span style={{ borderBottom: '1px dotted currentColor', cursor: 'help' }}>{title}</span>
    </Tooltip>
  );
}

/** Current and ended stays as two sentences (narrow screens, where the column groups do not fit). */
function StaysLines({ stays, counting }: { stays: Stays; counting: boolean }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text>
        {counting
          ? t('board.openCounting')
          : stays.openStays > 0
            ? t('board.openLine', {
                count: stays.openStays,
                median: formatDays(stays.openMedianDwellDays),
                p90: formatDays(stays.openP90DwellDays),
              })
            : t('board.openNone')}
      </Typography.Text>
      <Typography.Text type="secondary">
        {stays.endedStays > 0
          ? t('board.endedLine', {
              count: stays.endedStays,
              median: formatDays(stays.medianDwellDays),
              p90: formatDays(stays.p90DwellDays),
            })
          : t('board.endedNone')}
      </Typography.Text>
    </Space>
  );
}

/** The column groups "current stays" and "ended stays" (with a count column each when asked). */
function useStayColumns<T extends Stays & { stage: Stage }>(options: {
  openCount: boolean;
  openLink?: (row: T) => string;
  /** Current stays are still being counted: their cells say so instead of showing a dash. */
  counting: boolean;
}): TableColumnsType<T> {
  const { t } = useTranslation();
  const counting = <Typography.Text type="secondary">…</Typography.Text>;
  const openMedian = (r: T) =>
    options.counting ? (
      counting
    ) : r.openMedianDwellDays === null || !options.openLink ? (
      formatDays(r.openMedianDwellDays)
    ) : (
      <Link
        to={options.openLink(r)}
        title={t('board.longestInStage', { stage: t(`stage.${r.stage}`) })}
        data-testid={`board-dwell-open-${r.stage}`}
      >
        {formatDays(r.openMedianDwellDays)}
      </Link>
    );
  return [
    {
      key: 'open',
      title: <GroupTitle title={t('board.openStays')} hint={t('board.openStaysHint')} />,
      children: [
        ...(options.openCount
          ? [
              {
                key: 'openStays',
                title: t('board.customers'),
                align: 'end' as const,
                render: (_: unknown, r: T) => (options.counting ? counting : r.openStays),
              },
            ]
          : []),
        { key: 'openMedian', title: t('board.median'), align: 'end', render: (_, r) => openMedian(r) },
        {
          key: 'openP90',
          title: t('board.p90'),
          align: 'end',
          render: (_, r) => (options.counting ? counting : formatDays(r.openP90DwellDays)),
        },
      ],
    },
    {
      key: 'ended',
      title: <GroupTitle title={t('board.endedStays')} hint={t('board.endedStaysHint')} />,
      children: [
        { key: 'endedStays', title: t('board.stays'), dataIndex: 'endedStays', align: 'end' },
        { key: 'median', title: t('board.median'), align: 'end', render: (_, r) => formatDays(r.medianDwellDays) },
        { key: 'p90', title: t('board.p90'), align: 'end', render: (_, r) => formatDays(r.p90DwellDays) },
      ],
    },
  ];
}

/** Per stage: customers now, moves in, current and ended stays (median / p90), stuck; click-through to the longest stays. */
export function StageDwellTable({ stages, counting }: { stages: StageRow[]; counting: boolean }) {
  const { t } = useTranslation();
  const isNarrow = !Grid.useBreakpoint().md;
  const stageName = (stage: Stage) => t(`stage.${stage}`);
  const rows = stages;
  const stageLink = (r: StageRow) => (
    <Link to={longestInStagePath(r.stage)} title={t('board.longestInStage', { stage: stageName(r.stage) })}>
      {stageName(r.stage)}
    </Link>
  );
  const stayColumns = useStayColumns<(typeof rows)[number]>({
    openCount: false,
    openLink: (r) => longestInStagePath(r.stage),
    counting,
  });
  const hint = (
    <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
      {t('board.dwellClickHint')}
    </Typography.Text>
  );
  if (isNarrow) {
    return (
      <>
        <List
          size="small"
          dataSource={rows}
          rowKey="stage"
          data-testid="board-dwell"
          renderItem={(r) => (
            <List.Item>
              <Space orientation="vertical" size={2}>
                <Space wrap>
                  <Typography.Text strong>{stageLink(r)}</Typography.Text>
                  {r.stuck > 0 && (
                    <Typography.Text type="danger">{t('board.stuckLine', { count: r.stuck })}</Typography.Text>
                  )}
                </Space>
                <Typography.Text type="secondary">
                  {t('board.countLine', { count: r.count, entered: r.entered })}
                </Typography.Text>
                <StaysLines stays={r} counting={counting} />
              </Space>
            </List.Item>
          )}
        />
        {hint}
      </>
    );
  }
  const columns: TableColumnsType<(typeof rows)[number]> = [
    { key: 'stage', title: t('board.stage'), render: (_, r) => stageLink(r) },
    { key: 'count', title: t('board.count'), dataIndex: 'count', align: 'end' },
    { key: 'entered', title: t('board.entered'), dataIndex: 'entered', align: 'end' },
    ...stayColumns,
    { key: 'stuck', title: t('board.stuck'), dataIndex: 'stuck', align: 'end' },
  ];
  return (
    <>
      <ListTable rowKey="stage" size="small" bordered columns={columns} rows={rows} testId="board-dwell" />
      {hint}
    </>
  );
}

/** Per owner, for one stage at a time: the same two kinds of stay; an owner opens that owner's longest stays. */
export function OwnerDwellTable({
  rows,
  stageOrder,
  counting,
}: {
  rows: OwnerRow[];
  stageOrder: Stage[];
  counting: boolean;
}) {
  const { t } = useTranslation();
  const isNarrow = !Grid.useBreakpoint().md;
  const present = stageOrder.filter((stage) => rows.some((r) => r.stage === stage));
  const [chosen, setChosen] = useState<Stage | undefined>(undefined);
  const stage = chosen && present.includes(chosen) ? chosen : present[0];
  const shown = rows.filter((r) => r.stage === stage);
  const ownerLink = (r: OwnerRow) => (
    <Link to={longestInStagePath(r.stage, r.ownerId ?? undefined)}>{r.ownerName ?? t('board.pool')}</Link>
  );
  const stayColumns = useStayColumns<OwnerRow>({ openCount: true, counting });
  const columns: TableColumnsType<OwnerRow> = [
    { key: 'owner', title: t('board.owner'), render: (_, r) => ownerLink(r) },
    ...stayColumns,
  ];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {present.length > 0 && (
        <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
          <Segmented<Stage>
            value={stage}
            options={present.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
            onChange={setChosen}
            data-testid="board-dwell-owner-stage"
          />
        </div>
      )}
      {isNarrow ? (
        <List
          size="small"
          dataSource={shown}
          rowKey={(r) => r.ownerId ?? 'pool'}
          data-testid="board-dwell-owners"
          renderItem={(r) => (
            <List.Item>
              <Space orientation="vertical" size={2}>
                <Typography.Text strong>{ownerLink(r)}</Typography.Text>
                <StaysLines stays={r} counting={counting} />
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <ListTable<OwnerRow>
          rowKey={(r) => r.ownerId ?? 'pool'}
          size="small"
          bordered
          columns={columns}
          rows={shown}
          testId="board-dwell-owners"
        />
      )}
    </Space>
  );
}
