import { COMPLAINT_SEVERITIES, COMPLAINT_STATES, type Complaint, type ComplaintListQuery } from '@guanxi/contract';
import { Alert, Card, Checkbox, Segmented, Select, Space, Tag, TreeSelect, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LoadMoreButton } from '../../platform/LoadMore';
import { useMe } from '../../platform/session.queries';
import { ListTable } from '../../platform/ui/ListTable';
import { NewButton } from '../../platform/ui/NewButton';
import { ActiveUserSelect } from '../users';
import { categoryName, categoryTree } from './categoryTree';
import { ComplaintFormDrawer } from './ComplaintFormDrawer';
import { ComplaintStatsCard } from './ComplaintStatsCard';
import { useComplaintCategories, useComplaints } from './complaints.queries';
import { SEVERITY_COLORS, SlaBadge } from './SlaBadge';

type View = 'all' | 'mine';
type StateFilter = NonNullable<ComplaintListQuery['state']>;

/** The ticket queue (投诉工单): soonest deadline first, with SLA countdowns in working time. */
export default function ComplaintQueuePage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh';
  const navigate = useNavigate();
  const me = useMe().data;
  const [view, setView] = useState<View>('all');
  const [state, setState] = useState<StateFilter | undefined>('open');
  const [severity, setSeverity] = useState<Complaint['severity'] | undefined>();
  const [categoryId, setCategoryId] = useState<string | undefined>();
  const [handlerId, setHandlerId] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [creating, setCreating] = useState(false);
  const categories = useComplaintCategories();
  const complaints = useComplaints({
    state,
    severity,
    categoryId,
    handlerId,
    ...(view === 'mine' ? { mine: true } : {}),
    ...(overdue ? { overdue: true } : {}),
  });
  const canCreate = me?.permissions.includes('complaints.create') ?? false;

  const columns: TableColumnsType<Complaint> = [
    {
      key: 'subject',
      title: t('complaint.subject'),
      render: (_, c) => (
        <Space wrap size={4}>
          <Link to={`/complaints/${c.id}`} data-testid="complaint-link">
            {c.subject}
          </Link>
          {c.isRepeat && <Tag color="magenta">{t('complaint.repeat')}</Tag>}
        </Space>
      ),
    },
    { key: 'sla', title: t('complaint.deadline'), render: (_, c) => <SlaBadge complaint={c} /> },
    {
      key: 'customer',
      title: t('complaint.customer'),
      render: (_, c) => <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link>,
    },
    {
      key: 'severity',
      title: t('complaint.severity'),
      render: (_, c) => <Tag color={SEVERITY_COLORS[c.severity]}>{t(`complaint.severities.${c.severity}`)}</Tag>,
    },
    { key: 'state', title: t('complaint.state'), render: (_, c) => t(`complaint.states.${c.state}`) },
    {
      key: 'category',
      title: t('complaint.category'),
      render: (_, c) =>
        c.categoryId
          ? categoryName({ nameZh: c.categoryNameZh, nameEn: c.categoryNameEn }, language)
          : t('common.empty'),
    },
    { key: 'handler', title: t('complaint.handler'), render: (_, c) => c.handlerName ?? t('complaint.noHandler') },
    {
      key: 'createdAt',
      title: t('complaint.createdAt'),
      render: (_, c) => dayjs(c.createdAt).format('YYYY-MM-DD HH:mm'),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ComplaintStatsCard />
      <Card
        title={t('complaint.title')}
        extra={
          canCreate && (
            <NewButton type="primary" onClick={() => setCreating(true)} data-testid="complaint-new">
              {t('complaint.new')}
            </NewButton>
          )
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented<View>
            value={view}
            onChange={setView}
            data-testid="complaint-view"
            options={[
              { value: 'all', label: t('complaint.filters.all') },
              { value: 'mine', label: t('complaint.filters.mine') },
            ]}
          />
          <Select<StateFilter | undefined>
            value={state}
            onChange={setState}
            allowClear
            placeholder={t('complaint.filters.anyState')}
            style={{ width: 130 }}
            options={[
              { value: 'open', label: t('complaint.filters.open') },
              ...COMPLAINT_STATES.map((s) => ({ value: s, label: t(`complaint.states.${s}`) })),
            ]}
          />
          <Select<Complaint['severity'] | undefined>
            value={severity}
            onChange={setSeverity}
            allowClear
            placeholder={t('complaint.filters.anySeverity')}
            style={{ width: 140 }}
            options={COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: t(`complaint.severities.${s}`) }))}
          />
          <TreeSelect
            value={categoryId}
            onChange={setCategoryId}
            allowClear
            treeDefaultExpandAll
            placeholder={t('complaint.filters.anyCategory')}
            style={{ width: 150 }}
            treeData={categoryTree(categories.data ?? [], language)}
          />
          <ActiveUserSelect
            value={handlerId}
            onChange={(v) => setHandlerId(typeof v === 'string' ? v : undefined)}
            allowClear
            placeholder={t('complaint.filters.anyHandler')}
            style={{ width: 140 }}
          />
          <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="complaint-overdue">
            {t('complaint.filters.overdue')}
          </Checkbox>
        </Space>
        {complaints.isError && (
          <Alert type="error" showIcon title={complaints.error.message} style={{ marginBottom: 12 }} />
        )}
        <ListTable
          columns={columns}
          pages={complaints}
          empty={t('complaint.empty')}
          testId="complaint-table"
          phoneCards={{ title: 'subject', fields: ['sla', 'customer', 'severity', 'state', 'handler'] }}
          onRow={(c) => ({
            onClick: (e) => (e.target as HTMLElement).closest('a') || void navigate(`/complaints/${c.id}`),
          })}
        />
        <LoadMoreButton pages={complaints} />
        <ComplaintFormDrawer open={creating} onClose={() => setCreating(false)} />
      </Card>
    </Space>
  );
}
