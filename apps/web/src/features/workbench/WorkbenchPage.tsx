import { Alert, Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InboxCounts, InboxSections } from '../inbox';
import { useMe } from '../../platform/session.queries';
import { useStageCounts, useVisibleCustomerCount } from './workbench.queries';

// ECharts is the largest dependency; the statistics show before it arrives.
const StageChart = lazy(() => import('./StageChart'));

export default function WorkbenchPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const visible = useVisibleCustomerCount();
  const stages = useStageCounts();
  if (!me) return null;

  const stats = [
    { key: 'visible', title: t('workbench.visibleCustomers'), value: visible.data?.total, loading: visible.isPending },
    {
      key: 'interested',
      title: t('workbench.interestedCustomers'),
      value: stages.counts.interested,
      loading: stages.isPending,
    },
    { key: 'repeat', title: t('workbench.repeatCustomers'), value: stages.counts.repeat, loading: stages.isPending },
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="welcome">
            {t('workbench.welcome', { name: me.displayName })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {me.orgName} · {t('workbench.scope', { scope: t(`dataScope.${me.dataScope}`) })}
          </Typography.Text>
        </Card>
      </Col>
      {/* Each role's waiting work as counts, one click from its inbox section. */}
      <Col span={24}>
        <InboxCounts />
      </Col>
      {/* Salespeople land here: what is due today comes first. */}
      <Col span={24}>
        <Card
          title={t('inbox.title')}
          extra={<Link to="/inbox">{t('inbox.menu')}</Link>}
          styles={{ body: { padding: 12 } }}
          data-testid="workbench-inbox"
        >
          <InboxSections limit={3} />
        </Card>
      </Col>
      {stats.map((stat) => (
        <Col key={stat.key} xs={24} md={8}>
          <Card>
            <Statistic
              title={stat.title}
              value={stat.value ?? 0}
              loading={stat.loading}
              data-testid={`stat-${stat.key}`}
            />
          </Card>
        </Col>
      ))}
      <Col span={24}>
        <Card title={t('workbench.stageChart')}>
          {stages.error && <Alert type="error" showIcon title={stages.error.message} />}
          {stages.isPending ? (
            <Skeleton active />
          ) : (
            <Suspense fallback={<Skeleton active />}>
              <StageChart counts={stages.counts} />
            </Suspense>
          )}
        </Card>
      </Col>
    </Row>
  );
}
