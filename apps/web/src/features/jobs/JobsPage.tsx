import { HistoryOutlined, PlayCircleOutlined } from '@ant-design/icons';
import type { Job } from '@guanxi/contract';
import { App, Badge, Button, Card, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission, useMe } from '../../platform/session.queries';
import { JobRunsDrawer } from './JobRunsDrawer';
import { durationText, jobLabel, jobScopeKey, scheduleText, timeZoneLabel } from './jobText';
import { useJobs, useRunJob } from './jobs.queries';
import { QueryError } from '../../platform/ui/QueryResult';
import { ListTable } from '../../platform/ui/ListTable';

const time = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : null);

/** Durable jobs: schedule, last run and its outcome, "run now" and each job's run history. */
export default function JobsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const jobs = useJobs();
  const run = useRunJob();
  const canManage = useHasPermission('jobs.manage');
  const isOperator = useMe().data?.systemOperator === true;
  // Work spanning every organization is the installation operator's, not each organization's admin's.
  const canRun = (job: Job) => canManage && (!job.installationWide || isOperator);
  const [historyOf, setHistoryOf] = useState<string | null>(null);

  const runNow = (job: Job) =>
    run.mutate(job.name, {
      onSuccess: (result) =>
        result.status === 'failed'
          ? void message.error(result.error ?? t('job.status_failed'))
          : void message.success(t('job.ranOk')),
      onError: (error) => void message.error(error.message),
    });

  const columns: TableColumnsType<Job> = [
    {
      key: 'name',
      title: t('job.name'),
      width: 230,
      render: (_, job) => <Typography.Text strong>{jobLabel(t, job.name)}</Typography.Text>,
    },
    {
      key: 'scope',
      title: t('job.scope'),
      width: 170,
      render: (_, job) =>
        job.installationWide ? (
          <Tooltip title={t('job.operatorOnly')}>
            <Tag color="purple" data-testid="job-installation-wide">
              {t('job.installationWide')}
            </Tag>
          </Tooltip>
        ) : (
          t(jobScopeKey(job))
        ),
    },
    {
      key: 'schedule',
      title: t('job.schedule'),
      width: 210,
      render: (_, job) => (
        <>
          <div>{scheduleText(t, job.schedule)}</div>
          <Typography.Text type="secondary" data-testid="job-time-zone">
            {timeZoneLabel(t, i18n.language, job.timeZone)}
          </Typography.Text>
        </>
      ),
    },
    { key: 'nextRunAt', title: t('job.nextRunAt'), width: 170, render: (_, job) => time(job.nextRunAt) },
    {
      key: 'lastRunAt',
      title: t('job.lastRunAt'),
      width: 170,
      render: (_, job) => time(job.lastRunAt) ?? <Typography.Text type="secondary">{t('job.never')}</Typography.Text>,
    },
    {
      key: 'status',
      title: t('job.status'),
      width: 110,
      render: (_, job) =>
        job.running ? (
          <Badge status="processing" text={t('job.running')} />
        ) : job.lastStatus ? (
          <Tag color={job.lastStatus === 'succeeded' ? 'green' : 'red'} data-testid="job-status">
            {t(`job.status_${job.lastStatus}`)}
          </Tag>
        ) : (
          t('common.empty')
        ),
    },
    { key: 'duration', title: t('job.duration'), width: 100, render: (_, job) => durationText(t, job.lastDurationMs) },
    {
      key: 'lastError',
      title: t('job.lastError'),
      width: 220,
      ellipsis: true,
      render: (_, job) =>
        job.lastError ? <Typography.Text type="danger">{job.lastError}</Typography.Text> : t('common.empty'),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 210,
      fixed: 'right',
      render: (_, job) => (
        <Space size={4}>
          {canRun(job) && (
            <Button
              size="small"
              type="primary"
              icon={<PlayCircleOutlined />}
              disabled={job.running}
              loading={run.isPending && run.variables === job.name}
              onClick={() => runNow(job)}
              data-testid="job-run-now"
            >
              {t('job.runNow')}
            </Button>
          )}
          <Button
            size="small"
            icon={<HistoryOutlined />}
            onClick={() => setHistoryOf(job.name)}
            data-testid="job-history"
          >
            {t('job.history')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('job.title')}>
      <QueryError query={jobs} />
      <div data-testid="job-table">
        <ListTable<Job>
          rowKey="name"
          columns={columns}
          rows={jobs.data ?? []}
          loading={jobs.isPending}
          scroll={{ x: 1500 }}
        />
      </div>
      <JobRunsDrawer name={historyOf} onClose={() => setHistoryOf(null)} />
    </Card>
  );
}
