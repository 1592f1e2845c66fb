import { DownloadOutlined } from '@ant-design/icons';
import { endpoints, type ListExportJob } from '@guanxi/contract';
import { Button, Drawer, List, Progress, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useEndpointQuery } from '../endpointQueries';
import { QueryError } from './QueryResult';

export const exportJobKeys = { mine: ['export-jobs', 'mine'] as const };

const STATE_COLORS = { queued: 'default', running: 'processing', completed: 'success', failed: 'error' } as const;

/** The signed-in user's background exports, refreshed every second while one is being written. */
export function useMyExportJobs(enabled: boolean) {
  return useEndpointQuery(endpoints.exportJobs.list, {
    queryKey: exportJobKeys.mine,
    enabled,
    transform: (page) => page.items,
    refetchInterval: (query) =>
      query.state.data?.some((job) => job.state === 'queued' || job.state === 'running') ? 1000 : false,
  });
}

function JobProgress({ job }: { job: ListExportJob }) {
  const { t } = useTranslation();
  if (job.state === 'failed') return <Typography.Text type="danger">{t('export.failedHint')}</Typography.Text>;
  const percent = job.rowsTotal > 0 ? Math.floor((job.rowsDone / job.rowsTotal) * 100) : 0;
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      {job.state === 'completed' ? null : <Progress percent={percent} status="active" size="small" />}
      <Typography.Text type="secondary">
        {t('export.rows', { done: job.rowsDone.toLocaleString(), total: job.rowsTotal.toLocaleString() })}
        {' · '}
        {job.state === 'completed'
          ? t('export.expiresAt', { time: dayjs(job.expiresAt).format('YYYY-MM-DD HH:mm') })
          : t('export.requestedAt', { time: dayjs(job.createdAt).format('YYYY-MM-DD HH:mm') })}
      </Typography.Text>
    </Space>
  );
}

/**
 * "我的导出": the lists too long to download at once, written in the background. Each shows its
 * progress and, when finished, a download link (only its requester can use it, until it expires).
 */
export function ExportJobsDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const jobs = useMyExportJobs(open);
  return (
    <Drawer title={t('export.myExports')} open={open} onClose={onClose} size="large" data-testid="export-jobs-drawer">
      {jobs.isError ? (
        <QueryError query={jobs} />
      ) : (
        <List
          loading={jobs.isLoading}
          dataSource={jobs.data ?? []}
          locale={{ emptyText: t('export.noJobs') }}
          renderItem={(job) => (
            <List.Item
              key={job.id}
              data-testid="export-job"
              actions={
                job.downloadUrl
                  ? [
                      <Button key="download" type="link" icon={<DownloadOutlined />} href={job.downloadUrl} download>
                        {t('export.download')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{job.fileName}</span>
                    <Tag color={STATE_COLORS[job.state]}>{t(`export.state_${job.state}`)}</Tag>
                  </Space>
                }
                description={<JobProgress job={job} />}
              />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
