import { PLAN_KINDS, type PlanKind, type WorkPlan, type WorkPlanItemInput } from '@guanxi/contract';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Progress,
  Segmented,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useRecordTitle } from '../../platform/recordTitles';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { useMe } from '../../platform/session.queries';
import { PlanItemsEditor } from './PlanItemsEditor';
import { PlanReviewCard } from './PlanReviewCard';
import { PLAN_STATUS_COLORS, planPeriodText } from './planText';
import { usePlan, useSavePlan, useSubmitPlan } from './plans.queries';
import { ListTable } from '../../platform/ui/ListTable';
import { orgToday } from '../../platform/orgToday';

interface ItemValues {
  customerId: string;
  kind: 'visit' | 'call';
  purpose?: string;
  plannedAt?: Dayjs | null;
}
interface EditorValues {
  note: string;
  items: ItemValues[];
}

const toInput = (items: ItemValues[]): WorkPlanItemInput[] =>
  items.map((i) => ({
    customerId: i.customerId,
    kind: i.kind,
    purpose: i.purpose ?? '',
    plannedAt: i.plannedAt ? i.plannedAt.toISOString() : null,
  }));

/** Writing a plan: new, or the author's draft / commented plan. */
function PlanEditor({ plan }: { plan: WorkPlan | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<EditorValues>();
  const showErrors = useServerFieldErrors(form);
  const [kind, setKind] = useState<PlanKind>(plan?.kind ?? 'daily');
  const [period, setPeriod] = useState<Dayjs>(plan ? dayjs(plan.periodStart) : orgToday());
  const save = useSavePlan();
  const submit = useSubmitPlan();
  const names = new Map(plan?.items.map((i) => [i.customerId, i.customerName]) ?? []);
  const initial: EditorValues = {
    note: plan?.note ?? '',
    items:
      plan?.items.map((i) => ({
        customerId: i.customerId,
        kind: i.kind,
        purpose: i.purpose,
        plannedAt: i.plannedAt ? dayjs(i.plannedAt) : null,
      })) ?? [],
  };
  const persist = (values: EditorValues, andSubmit: boolean) => {
    const items = toInput(values.items ?? []);
    const body = plan
      ? { version: plan.version, note: values.note ?? '', items }
      : { kind, period: period.format('YYYY-MM-DD'), note: values.note ?? '', items };
    save.mutate(
      { id: plan?.id, body },
      {
        onSuccess: (saved) => {
          const done = () => {
            void message.success(andSubmit ? t('plan.submitted') : t('common.saved'));
            if (!plan) void navigate(`/work-plans/${saved.id}`, { replace: true });
          };
          if (andSubmit)
            submit.mutate({ id: saved.id, version: saved.version }, { onSuccess: done, onError: showErrors });
          else done();
        },
        onError: showErrors,
      },
    );
  };
  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={(values) => persist(values, false)}>
      {!plan && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented<PlanKind>
            value={kind}
            onChange={setKind}
            options={PLAN_KINDS.map((k) => ({ value: k, label: t(`plan.kinds.${k}`) }))}
          />
          <DatePicker
            picker={kind === 'weekly' ? 'week' : 'date'}
            value={period}
            allowClear={false}
            onChange={(d: Dayjs | null) => d && setPeriod(d)}
          />
        </Space>
      )}
      <Typography.Title level={5}>{t('plan.items')}</Typography.Title>
      <PlanItemsEditor customerNames={names} />
      <Form.Item name="note" label={t('plan.note')} style={{ marginTop: 12 }}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
      </Form.Item>
      <Space wrap>
        <Button htmlType="submit" loading={save.isPending} data-testid="plan-save">
          {t('plan.save')}
        </Button>
        <Button
          type="primary"
          loading={save.isPending || submit.isPending}
          onClick={() => void form.validateFields().then((v) => persist(v, true))}
          data-testid="plan-submit"
        >
          {t('plan.submit')}
        </Button>
      </Space>
    </Form>
  );
}

/** Plan vs actual: each planned item with whether a matching call or visit happened. */
function PlanActual({ plan }: { plan: WorkPlan }) {
  const { t } = useTranslation();
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('plan.completion')}</Typography.Text>
        <Progress
          percent={Math.round(plan.completionRate * 100)}
          size="small"
          style={{ width: 160, margin: 0 }}
          data-testid="plan-completion"
        />
        <span>
          {plan.doneCount}/{plan.itemCount}
        </span>
      </Space>
      <ListTable
        size="small"
        rows={plan.items}
        scroll={{ x: 560 }}
        columns={[
          { key: 'customer', title: t('plan.customer'), render: (_, item) => item.customerName },
          { key: 'kind', title: t('plan.itemKind'), width: 70, render: (_, item) => t(`plan.itemKinds.${item.kind}`) },
          {
            key: 'plannedAt',
            title: t('plan.plannedAt'),
            width: 110,
            render: (_, item) => (item.plannedAt ? dayjs(item.plannedAt).format('MM-DD HH:mm') : '—'),
          },
          { key: 'purpose', title: t('plan.purpose'), render: (_, item) => item.purpose || '—' },
          {
            key: 'actual',
            title: t('plan.actual'),
            width: 140,
            render: (_, item) =>
              item.done ? (
                <Tag color="success">
                  {t('plan.done')} {item.doneAt ? dayjs(item.doneAt).format('MM-DD HH:mm') : ''}
                </Tag>
              ) : (
                <Tag>{t('plan.notDone')}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}

/** A work plan: the editor for its author while open, otherwise plan vs actual and the review. */
export default function PlanPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const me = useMe().data;
  const plan = usePlan(id);
  const loaded = plan.data;
  useRecordTitle(
    loaded?.id,
    loaded && `${loaded.author.name} · ${planPeriodText(t, loaded.kind, loaded.periodStart, loaded.periodEnd)}`,
  );
  if (!id) {
    return (
      <Card title={t('plan.new')} styles={{ body: { padding: 12 } }}>
        <PlanEditor plan={null} />
      </Card>
    );
  }
  if (plan.isPending) return <Skeleton active />;
  if (plan.isError) return <Alert type="error" showIcon title={plan.error.message} />;
  const data = plan.data;
  const isEditable = data.author.id === me?.id && (data.status === 'draft' || data.status === 'commented');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card
        title={planPeriodText(t, data.kind, data.periodStart, data.periodEnd)}
        extra={
          <Tag color={PLAN_STATUS_COLORS[data.status]} data-testid="plan-status">
            {t(`plan.statuses.${data.status}`)}
          </Tag>
        }
        styles={{ body: { padding: 12 } }}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('plan.author')}>{data.author.name}</Descriptions.Item>
          {!isEditable && (
            <Descriptions.Item label={t('plan.note')}>{data.note || t('common.empty')}</Descriptions.Item>
          )}
        </Descriptions>
        {isEditable ? <PlanEditor key={data.version} plan={data} /> : <PlanActual plan={data} />}
      </Card>
      {isEditable && data.items.length > 0 && (
        <Card size="small" title={t('plan.planVsActual')}>
          <PlanActual plan={data} />
        </Card>
      )}
      <PlanReviewCard plan={data} />
    </Space>
  );
}
