import { BarChartOutlined, EditOutlined, SettingOutlined } from '@ant-design/icons';
import { endpoints, REPORT_KINDS, type ReportKind, type WorkReport } from '@guanxi/contract';
import { Alert, Button, Card, Dropdown, Rate, Segmented, Select, Space, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../platform/session.queries';
import { periodText } from './reportText';
import { useReports, type ReportFilters } from './reports.queries';
import { LoadMoreButton } from '../../platform/LoadMore';
import { ListTable } from '../../platform/ui/ListTable';
import { ExportButton } from '../../platform/ui/ExportButton';

type View = NonNullable<ReportFilters['view']>;
const VIEWS: readonly View[] = ['mine', 'received', 'review', 'team'];

/** My reports, reports sent to me, the review queue (managers) and the team's reports. */
export default function ReportListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const me = useMe().data;
  const can = (permission: 'reports.review' | 'reports.manage' | 'reports.create') =>
    me?.permissions.includes(permission) ?? false;
  const views = VIEWS.filter((v) => (v === 'review' || v === 'team' ? can('reports.review') : true));
  const view: View = views.includes(params.get('view') as View) ? (params.get('view') as View) : 'mine';
  const kindParam = params.get('kind');
  const kind = REPORT_KINDS.includes(kindParam as ReportKind) ? (kindParam as ReportKind) : undefined;
  const reports = useReports({ view, kind });
  const set = (next: Record<string, string | undefined>) => {
    const merged: Record<string, string | undefined> = { view, kind, ...next };
    const entries = Object.entries(merged).filter((entry): entry is [string, string] => !!entry[1]);
    setParams(Object.fromEntries(entries), { replace: true });
  };

  const columns: TableColumnsType<WorkReport> = [
    {
      key: 'period',
      title: t('report.period'),
      render: (_, r) => (
        <Link to={`/work-reports/${r.id}`} data-testid="report-open">
          {periodText(t, r.kind, r.periodStart, r.periodEnd)}
        </Link>
      ),
    },
    { key: 'author', title: t('report.author'), width: 110, render: (_, r) => r.author.name },
    {
      key: 'status',
      title: t('task.status'),
      width: 140,
      render: (_, r) => (
        <Space size={4} wrap>
          <Tag>{t(`report.statuses.${r.status}`)}</Tag>
          {r.isLate && <Tag color="orange">{t('report.late')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'submittedAt',
      title: t('report.submittedAt'),
      width: 150,
      render: (_, r) => (r.submittedAt ? dayjs(r.submittedAt).format('MM-DD HH:mm') : '—'),
    },
    {
      key: 'score',
      title: t('report.score'),
      width: 150,
      render: (_, r) => (r.score ? <Rate disabled value={r.score} style={{ fontSize: 14 }} /> : '—'),
    },
  ];

  return (
    <Card
      title={t('report.title')}
      extra={
        <Space wrap>
          {can('reports.review') && (
            <Button icon={<BarChartOutlined />} onClick={() => void navigate('/work-reports/stats')}>
              {t('report.stats')}
            </Button>
          )}
          {can('reports.manage') && (
            <Button icon={<SettingOutlined />} onClick={() => void navigate('/settings/work-reports')}>
              {t('report.settings')}
            </Button>
          )}
          {can('reports.create') && (
            <Dropdown
              menu={{
                items: REPORT_KINDS.map((k) => ({
                  key: k,
                  label: t(`report.kinds.${k}`),
                  'data-testid': `report-write-${k}`,
                })),
                onClick: ({ key }) => void navigate(`/work-reports/new?kind=${key}`),
              }}
            >
              <Button type="primary" icon={<EditOutlined />} data-testid="report-write">
                {t('report.write')}
              </Button>
            </Dropdown>
          )}
        </Space>
      }
      styles={{ body: { padding: 12 } }}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<View>
          value={view}
          onChange={(next) => set({ view: next })}
          options={views.map((v) => ({ value: v, label: t(`report.view.${v}`) }))}
          data-testid="report-view"
        />
        <Select<ReportKind | undefined>
          value={kind}
          allowClear
          placeholder={t('common.all')}
          style={{ width: 110 }}
          onChange={(next) => set({ kind: next })}
          options={REPORT_KINDS.map((k) => ({ value: k, label: t(`report.kinds.${k}`) }))}
        />
        <ExportButton endpoint={endpoints.workReports.export} query={{ view, kind }} />
      </Space>
      {reports.isError && <Alert type="error" showIcon title={reports.error.message} style={{ marginBottom: 12 }} />}
      <ListTable columns={columns} pages={reports} scroll={{ x: 700 }} testId="report-table" />
      <LoadMoreButton pages={reports} />
    </Card>
  );
}
