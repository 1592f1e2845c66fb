import { endpoints, type WorkPlan } from '@guanxi/contract';
import { Alert, Card, Progress, Rate, Segmented, Space, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../platform/session.queries';
import { PLAN_STATUS_COLORS, planPeriodText } from './planText';
import { usePlans, type PlanFilters } from './plans.queries';
import { LoadMoreButton } from '../../platform/LoadMore';
import { ListTable } from '../../platform/ui/ListTable';
import { NewButton } from '../../platform/ui/NewButton';
import { ExportButton } from '../../platform/ui/ExportButton';

type View = NonNullable<PlanFilters['view']>;

/** My plans, the plans waiting for my review, and my team's plans with their completion. */
export default function PlanListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const me = useMe().data;
  const mayReview = me?.permissions.includes('plans.review') ?? false;
  const views: View[] = mayReview ? ['mine', 'review', 'team'] : ['mine'];
  const view: View = views.includes(params.get('view') as View) ? (params.get('view') as View) : 'mine';
  const plans = usePlans({ view });
  const rows = plans.data?.pages.flatMap((page) => page.items) ?? [];
  const columns: TableColumnsType<WorkPlan> = [
    {
      key: 'period',
      title: t('plan.period'),
      render: (_, plan) => (
        <Link to={`/work-plans/${plan.id}`} data-testid="plan-open">
          {planPeriodText(t, plan.kind, plan.periodStart, plan.periodEnd)}
        </Link>
      ),
    },
    { key: 'author', title: t('plan.author'), width: 110, render: (_, plan) => plan.author.name },
    {
      key: 'status',
      title: t('task.status'),
      width: 100,
      render: (_, plan) => <Tag color={PLAN_STATUS_COLORS[plan.status]}>{t(`plan.statuses.${plan.status}`)}</Tag>,
    },
    {
      key: 'completion',
      title: t('plan.completion'),
      width: 180,
      render: (_, plan) => (
        <Space size={4}>
          <Progress percent={Math.round(plan.completionRate * 100)} size="small" style={{ width: 100, margin: 0 }} />
          <span>
            {plan.doneCount}/{plan.itemCount}
          </span>
        </Space>
      ),
    },
    {
      key: 'score',
      title: t('plan.score'),
      width: 110,
      render: (_, plan) => (plan.score ? <Rate disabled value={plan.score} style={{ fontSize: 12 }} /> : '—'),
    },
  ];
  return (
    <Card
      title={t('plan.title')}
      extra={
        <Space wrap>
          <ExportButton endpoint={endpoints.workPlans.export} query={{ view }} />
          {me?.permissions.includes('plans.create') && (
            <NewButton type="primary" onClick={() => void navigate('/work-plans/new')} data-testid="plan-new">
              {t('plan.new')}
            </NewButton>
          )}
        </Space>
      }
      styles={{ body: { padding: 12 } }}
    >
      {views.length > 1 && (
        <Segmented<View>
          value={view}
          onChange={(next) => setParams({ view: next }, { replace: true })}
          options={views.map((v) => ({ value: v, label: t(`plan.view.${v}`) }))}
          style={{ marginBottom: 12 }}
        />
      )}
      {plans.isError && <Alert type="error" showIcon title={plans.error.message} style={{ marginBottom: 12 }} />}
      <ListTable<WorkPlan> columns={columns} rows={rows} loading={plans.isPending} scroll={{ x: 680 }} />
      <LoadMoreButton pages={plans} />
    </Card>
  );
}
