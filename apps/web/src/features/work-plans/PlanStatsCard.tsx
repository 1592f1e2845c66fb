import type { PlanStatsRow } from '@guanxi/contract';
import { Alert, Card, Rate, Space, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../platform/ui/ListTable';
import { usePlanStats } from './plans.queries';

type Counts = Omit<PlanStatsRow, 'user'>;
const COUNTS = ['submitted', 'approved', 'commented', 'waiting', 'scored'] as const;

const scoreOf = (score: number | null, empty: string) =>
  score === null ? (
    empty
  ) : (
    <Space size={4}>
      <Rate disabled allowHalf value={Math.round(score * 2) / 2} style={{ fontSize: 12 }} />
      <span>{score.toFixed(1)}</span>
    </Space>
  );

/**
 * The reviewers' assessment of work plans (seed 004) over the same range as the report statistics:
 * per person the plans submitted, approved, sent back, waiting, and their average score.
 */
export function PlanStatsCard({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const stats = usePlanStats({ from, to });
  const columns: TableColumnsType<PlanStatsRow> = [
    { key: 'person', title: t('planStats.person'), fixed: 'left', width: 110, render: (_, row) => row.user.name },
    ...COUNTS.map((key) => ({
      key,
      title: t(`planStats.${key}`),
      width: 90,
      render: (_: unknown, row: Counts) => row[key],
    })),
    {
      key: 'averageScore',
      title: t('planStats.averageScore'),
      width: 150,
      render: (_, row) => scoreOf(row.averageScore, t('common.empty')),
    },
  ];
  return (
    <Card title={t('planStats.title')} styles={{ body: { padding: 12 } }} style={{ marginTop: 16 }}>
      {stats.isError && <Alert type="error" showIcon title={stats.error.message} style={{ marginBottom: 12 }} />}
      <ListTable<PlanStatsRow>
        rowKey={(row) => row.user.id}
        size="small"
        columns={columns}
        rows={stats.data?.rows ?? []}
        loading={stats.isPending}
        scroll={{ x: 720 }}
        testId="plan-stats"
        empty={t('planStats.none')}
        summary={() =>
          stats.data &&
          stats.data.rows.length > 0 && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{t('planStats.team')}</strong>
              </Table.Summary.Cell>
              {COUNTS.map((key, i) => (
                <Table.Summary.Cell key={key} index={i + 1}>
                  {stats.data.team[key]}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={COUNTS.length + 1}>
                {scoreOf(stats.data.team.averageScore, t('common.empty'))}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
    </Card>
  );
}
