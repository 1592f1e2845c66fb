import { endpoints, type AbcClassSummary, type CustomerPyramid, type PyramidTierSummary } from '@guanxi/contract';
import { Alert, App, Button, Card, Col, Row, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../platform/session.queries';
import { useFormatMoney } from '../../platform/money';
import { useComputeCustomerValues, useCustomerPyramid } from './customerValue.queries';
import { AbcTag, rightColumn, TierTag, usePercent } from './valueDisplay';
import { ListTable } from '../../platform/ui/ListTable';
import { ExportButton } from '../../platform/ui/ExportButton';
import { PyramidMembersDrawer, type PyramidGroup } from './PyramidMembersDrawer';

// ECharts is a large chunk: load it only with this page.
const PyramidCharts = lazy(() => import('./PyramidCharts'));

/** 客户金字塔: the nightly snapshot as a pyramid (platinum / gold / iron / lead) and ABC classes. */
/** Who is ranked and who is not (and why), and how tiers moved since the previous period's computation. */
function RankingCoverage({ pyramid }: { pyramid: CustomerPyramid }) {
  const { t } = useTranslation();
  const ranked = pyramid.tiers.reduce((n, tier) => n + tier.count, 0);
  const unranked = Math.max(0, pyramid.customersInScope - ranked);
  const { up, down, same, entered } = pyramid.movement;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="pyramid-coverage"
      title={t('customerValue.coverage', { ranked, unranked })}
      description={
        up + down + same === 0
          ? t('customerValue.movementFirst')
          : t('customerValue.movement', { up, down, same, entered })
      }
    />
  );
}

export default function CustomerPyramidPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const money = useFormatMoney();
  const percent = usePercent();
  const pyramid = useCustomerPyramid();
  const compute = useComputeCustomerValues();
  const canCompute = useHasPermission('jobs.manage');
  const data = pyramid.data;
  const fen = (value: number) => money(value, data?.currency);
  // A tier or class clicked: its customers in a drawer, most profitable first.
  const [group, setGroup] = useState<{ group: PyramidGroup; count: number } | null>(null);
  const membersLink = (target: PyramidGroup, count: number, label: ReactNode, testId: string) =>
    count === 0 ? (
      label
    ) : (
      <Typography.Link onClick={() => setGroup({ group: target, count })} data-testid={testId}>
        {label}
      </Typography.Link>
    );

  const computeNow = () =>
    compute.mutate(undefined, {
      onSuccess: (run) =>
        run.status === 'failed'
          ? void message.error(run.error ?? t('job.status_failed'))
          : void message.success(t('customerValue.computed', { count: run.summary.processed ?? 0 })),
      onError: (error) => void message.error(error.message),
    });
  const computeButton = canCompute && (
    <Button onClick={computeNow} loading={compute.isPending} data-testid="pyramid-compute">
      {t('customerValue.computeNow')}
    </Button>
  );

  return (
    <Card
      title={t('customerValue.pyramidTitle')}
      extra={
        data?.computedAt ? (
          <Space wrap>
            <ExportButton endpoint={endpoints.customerValue.exportPyramid} query={{}} />
            {computeButton}
          </Space>
        ) : null
      }
    >
      {pyramid.isError && <Alert type="error" showIcon title={pyramid.error.message} />}
      {pyramid.isPending && <Spin />}
      {data && !data.computedAt && (
        <Alert
          type="info"
          showIcon
          title={canCompute ? t('customerValue.neverComputed') : t('customerValue.neverComputedNoRights')}
          action={computeButton}
          data-testid="pyramid-never"
        />
      )}
      {data?.computedAt && data.period && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Space wrap separator={<Typography.Text type="secondary">·</Typography.Text>}>
            <Typography.Text type="secondary" data-testid="pyramid-computed-at">
              {t('customerValue.computedAt')} {dayjs(data.computedAt).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('customerValue.computedPeriod', { from: data.period.from, to: data.period.to })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('customerValue.bounds', {
                platinum: data.bounds.platinumPct,
                gold: data.bounds.goldPct,
                a: data.bounds.abcAPct,
                b: data.bounds.abcBPct,
              })}
            </Typography.Text>
          </Space>
          <RankingCoverage pyramid={data} />
          <Suspense fallback={<Spin />}>
            <PyramidCharts pyramid={data} />
          </Suspense>
          <Row gutter={16}>
            <Col xs={24} xl={14}>
              <ListTable<PyramidTierSummary>
                rowKey="tier"
                size="small"
                rows={data.tiers}
                testId="pyramid-table"
                columns={[
                  { key: 'tier', title: t('customerValue.tier'), render: (_, row) => <TierTag tier={row.tier} /> },
                  {
                    key: 'count',
                    title: t('customerValue.count'),
                    align: 'right',
                    render: (_, row) =>
                      membersLink({ pyramidTier: row.tier }, row.count, row.count, `pyramid-members-${row.tier}`),
                  },
                  rightColumn('revenue', t('customerValue.revenue'), (row) => fen(row.revenueFen)),
                  rightColumn('profit', t('customerValue.profit'), (row) => fen(row.profitFen)),
                  rightColumn('share', t('customerValue.revenueShare'), (row) => percent(row.revenueSharePct)),
                ]}
              />
            </Col>
            <Col xs={24} xl={10}>
              <ListTable<AbcClassSummary>
                rowKey="abcClass"
                size="small"
                rows={data.abc}
                testId="abc-table"
                columns={[
                  {
                    key: 'class',
                    title: t('customerValue.abcClass'),
                    render: (_, row) => <AbcTag abcClass={row.abcClass} />,
                  },
                  {
                    key: 'count',
                    title: t('customerValue.count'),
                    align: 'right',
                    render: (_, row) =>
                      membersLink({ abcClass: row.abcClass }, row.count, row.count, `abc-members-${row.abcClass}`),
                  },
                  rightColumn('revenue', t('customerValue.revenue'), (row) => fen(row.revenueFen)),
                  rightColumn('share', t('customerValue.revenueShare'), (row) => percent(row.revenueSharePct)),
                ]}
              />
            </Col>
          </Row>
          <Typography.Text type="secondary">{t('customerValue.membersHint')}</Typography.Text>
        </Space>
      )}
      <PyramidMembersDrawer
        group={group?.group ?? null}
        count={group?.count ?? 0}
        currency={data?.currency ?? 'CNY'}
        onClose={() => setGroup(null)}
      />
    </Card>
  );
}
