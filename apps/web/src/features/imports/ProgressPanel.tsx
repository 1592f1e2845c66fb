import type { ImportJob } from '@guanxi/contract';
import { Button, Popconfirm, Progress, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../platform/i18n';
import { formatTimeLeft, progressFigures, roundRate } from './importProgress';
import { useCancelImport } from './imports.queries';

/** Rate and time left as the server measures them, else as measured here since the run started. */
function useFigures(job: ImportJob) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const { done, total, rate, secondsLeft } = job.progress;
  const measured = progressFigures({
    done,
    total,
    startedAtMs: job.startedAt ? Date.parse(job.startedAt) : null,
    nowMs: now,
  });
  return {
    percent: measured.percent,
    rowsPerSecond: rate ?? measured.rowsPerSecond,
    secondsLeft: secondsLeft ?? measured.secondsLeft,
  };
}

/**
 * A check or run the server is working on: the bar (rows done of all), the rate and the time left,
 * and a cancel that keeps what is already written.
 */
export function ProgressPanel({ job, title }: { job: ImportJob; title: string }) {
  const { t } = useTranslation();
  const cancel = useCancelImport(job.id);
  const figures = useFigures(job);
  const { done, total } = job.progress;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 640 }} data-testid="import-progress">
      <Typography.Text strong>{title}</Typography.Text>
      <Progress percent={figures.percent} status="active" data-testid="import-progress-bar" />
      <Space wrap size="large">
        <Typography.Text data-testid="import-progress-done">{t('imports.run.done', { done, total })}</Typography.Text>
        {figures.rowsPerSecond !== null && (
          <Typography.Text type="secondary">
            {t('imports.run.rate', { rate: roundRate(figures.rowsPerSecond) })}
          </Typography.Text>
        )}
        {figures.secondsLeft !== null && figures.secondsLeft > 0 && (
          <Typography.Text type="secondary" data-testid="import-time-left">
            {t('imports.run.timeLeft', { time: formatTimeLeft(figures.secondsLeft, currentLocale()) })}
          </Typography.Text>
        )}
      </Space>
      <Popconfirm
        title={t('imports.run.cancelConfirm')}
        okText={t('imports.run.cancel')}
        cancelText={t('imports.run.cancelKeep')}
        okButtonProps={{ danger: true, ...({ 'data-testid': 'import-cancel-ok' } as Record<`data-${string}`, string>) }}
        onConfirm={() => cancel.mutateAsync(undefined)}
      >
        <Button danger loading={cancel.isPending} data-testid="import-cancel">
          {t('imports.run.cancel')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
