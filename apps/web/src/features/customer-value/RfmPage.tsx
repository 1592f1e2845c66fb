import { Alert, App, Button, Card, Empty, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../platform/session.queries';
import { useComputeCustomerValues, useRfmMatrix } from './customerValue.queries';
import { RfmSegmentMatrix } from './RfmSegmentMatrix';

// ECharts is a large chunk: load it only with this page.
const RfmCharts = lazy(() => import('./RfmCharts'));

/** RFM 客户分群: the eight segments of the nightly snapshot, in the reader's scope. */
export default function RfmPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const matrix = useRfmMatrix();
  const compute = useComputeCustomerValues();
  const canCompute = useHasPermission('jobs.manage');
  const data = matrix.data;

  const computeNow = () =>
    compute.mutate(undefined, {
      onSuccess: (run) =>
        run.status === 'failed'
          ? void message.error(run.error ?? t('job.status_failed'))
          : void message.success(t('customerValue.computed', { count: run.summary.processed ?? 0 })),
      onError: (error) => void message.error(error.message),
    });
  const computeButton = canCompute && (
    <Button onClick={computeNow} loading={compute.isPending} data-testid="rfm-compute">
      {t('customerValue.computeNow')}
    </Button>
  );

  return (
    <Card title={t('rfm.title')} extra={data?.computedAt ? computeButton : null}>
      {matrix.isError && <Alert type="error" showIcon title={matrix.error.message} />}
      {matrix.isPending && <Spin />}
      {data && !data.computedAt && (
        <Alert
          type="info"
          showIcon
          title={canCompute ? t('rfm.neverComputed') : t('rfm.neverComputedNoRights')}
          action={computeButton}
          data-testid="rfm-never"
        />
      )}
      {data?.computedAt && data.period && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('rfm.intro')}
          </Typography.Paragraph>
          <Space wrap separator={<Typography.Text type="secondary">·</Typography.Text>}>
            <Typography.Text type="secondary" data-testid="rfm-computed-at">
              {t('customerValue.computedAt')} {dayjs(data.computedAt).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('customerValue.computedPeriod', { from: data.period.from, to: data.period.to })}
            </Typography.Text>
            {data.averages && (
              <Typography.Text type="secondary" data-testid="rfm-averages">
                {t('rfm.averages', data.averages)}
              </Typography.Text>
            )}
          </Space>
          <Alert
            type="info"
            showIcon
            data-testid="rfm-coverage"
            title={t('rfm.coverage', {
              scored: data.scored,
              unscored: Math.max(0, data.customersInScope - data.scored),
            })}
          />
          {data.scored === 0 ? (
            <Empty description={t('rfm.empty')} />
          ) : (
            <>
              <RfmSegmentMatrix segments={data.segments} currency={data.currency} />
              <Typography.Text type="secondary">{t('rfm.clickHint')}</Typography.Text>
              <Suspense fallback={<Spin />}>
                <RfmCharts matrix={data} />
              </Suspense>
            </>
          )}
        </Space>
      )}
    </Card>
  );
}
