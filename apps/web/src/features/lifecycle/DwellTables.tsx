import type { LifecycleBoard, Stage } from '@guanxi/contract';
import { Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { customerListPath } from '../customers';
import { ListTable } from '../../platform/ui/ListTable';

type StageRow = LifecycleBoard['stages'][number];
type OwnerRow = LifecycleBoard['dwellByOwner'][number];

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

/** Per stage: customers now, moves in, current stays and ended stays (median / p90), stuck; click-through to the longest stays. */
export function StageDwellTable({ stages }: { stages: StageRow[] }) {
  const { t } = useTranslation();
  const stageName = (stage: Stage) => t(`stage.${stage}`);
  const columns: TableColumnsType<StageRow> = [
    {
      key: 'stage',
      title: t('board.stage'),
      render: (_, r) => (
        <Link to={longestInStagePath(r.stage)} title={t('board.longestInStage', { stage: stageName(r.stage) })}>
          {stageName(r.stage)}
        </Link>
      ),
    },
    { key: 'count', title: t('board.count'), dataIndex: 'count', align: 'end' },
    { key: 'entered', title: t('board.entered'), dataIndex: 'entered', align: 'end' },
    {
      key: 'open',
      title: <GroupTitle title={t('board.openStays')} hint={t('board.openStaysHint')} />,
      children: [
        {
          key: 'openMedian',
          title: t('board.median'),
          align: 'end',
          render: (_, r) =>
            r.openMedianDwellDays === null ? (
              formatDays(null)
            ) : (
              <Link
                to={longestInStagePath(r.stage)}
                title={t('board.longestInStage', { stage: stageName(r.stage) })}
                data-testid={`board-dwell-open-${r.stage}`}
              >
                {formatDays(r.openMedianDwellDays)}
              </Link>
            ),
        },
        { key: 'openP90', title: t('board.p90'), align: 'end', render: (_, r) => formatDays(r.openP90DwellDays) },
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
    { key: 'stuck', title: t('board.stuck'), dataIndex: 'stuck', align: 'end' },
  ];
  return (
    <>
      <ListTable<StageRow> rowKey="stage" size="small" bordered columns={columns} rows={stages} testId="board-dwell" />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
        {t('board.dwellClickHint')}
      </Typography.Text>
    </>
  );
}

/** Per owner and stage: the same two kinds of stay; an owner's stage opens that owner's longest stays. */
export function OwnerDwellTable({ rows }: { rows: OwnerRow[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<OwnerRow> = [
    { key: 'owner', title: t('board.owner'), render: (_, r) => r.ownerName ?? t('board.pool') },
    {
      key: 'stage',
      title: t('board.stage'),
      render: (_, r) => <Link to={longestInStagePath(r.stage, r.ownerId ?? undefined)}>{t(`stage.${r.stage}`)}</Link>,
    },
    {
      key: 'open',
      title: <GroupTitle title={t('board.openStays')} hint={t('board.openStaysHint')} />,
      children: [
        { key: 'openStays', title: t('board.customers'), dataIndex: 'openStays', align: 'end' },
        { key: 'openMedian', title: t('board.median'), align: 'end', render: (_, r) => formatDays(r.openMedianDwellDays) },
        { key: 'openP90', title: t('board.p90'), align: 'end', render: (_, r) => formatDays(r.openP90DwellDays) },
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
  return (
    <ListTable<OwnerRow>
      rowKey={(r) => `${r.ownerId ?? 'pool'}-${r.stage}`}
      size="small"
      bordered
      columns={columns}
      rows={rows}
      testId="board-dwell-owners"
    />
  );
}
