import type { JobRun } from '@guanxi/contract';
import { Drawer, Space, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { durationText, jobLabel, summaryText } from './jobText';
import { useJobRuns } from './jobs.queries';
import { QueryError } from '../../platform/ui/QueryResult';
import { ListTable } from '../../platform/ui/ListTable';

/** The last runs of one job: when, how triggered, outcome, duration, counts and error. */
export function JobRunsDrawer({ name, onClose }: { name: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const runs = useJobRuns(name);

  const columns: TableColumnsType<JobRun> = [
    {
      key: 'startedAt',
      title: t('job.startedAt'),
      width: 170,
      render: (_, run) => dayjs(run.startedAt).format('YYYY-MM-DD HH:mm:ss'),
    },
    { key: 'trigger', title: t('job.trigger'), width: 90, render: (_, run) => t(`job.trigger_${run.trigger}`) },
    {
      key: 'status',
      title: t('job.status'),
      width: 90,
      render: (_, run) => (
        <Tag color={run.status === 'succeeded' ? 'green' : 'red'}>{t(`job.status_${run.status}`)}</Tag>
      ),
    },
    { key: 'duration', title: t('job.duration'), width: 100, render: (_, run) => durationText(t, run.durationMs) },
    {
      key: 'summary',
      title: t('job.summary'),
      render: (_, run) =>
        run.error ? (
          <Typography.Text type="danger">{run.error}</Typography.Text>
        ) : (
          <Space size={4} wrap>
            {Object.entries(run.summary).map(([key, value]) => (
              <Tag key={key}>{summaryText(t, key, value)}</Tag>
            ))}
          </Space>
        ),
    },
  ];

  return (
    <Drawer
      open={name !== null}
      onClose={onClose}
      title={name ? t('job.historyOf', { name: jobLabel(t, name) }) : null}
      size={760}
      destroyOnHidden
    >
      <QueryError query={runs} />
      <div data-testid="job-runs-table">
        <ListTable<JobRun>
          size="small"
          columns={columns}
          rows={runs.data?.items ?? []}
          loading={runs.isPending && name !== null}
        />
      </div>
    </Drawer>
  );
}
