import type { WorkReport } from '@guanxi/contract';
import { Alert, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useRecordTitle } from '../../platform/recordTitles';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useMe } from '../../platform/session.queries';
import { ReportCounts } from './ReportCounts';
import { ReportForm, type ReportFormValues } from './ReportForm';
import { ReportReviewCard } from './ReportReviewCard';
import { fieldLabels, periodText } from './reportText';
import { useReport, useSubmitReport, useUpdateReport } from './reports.queries';

const time = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—');
const STATUS_COLORS = { draft: 'default', submitted: 'processing', reviewed: 'success' } as const;

function DraftEditor({ report }: { report: WorkReport }) {
  const { t, message, form, showServerErrors: showErrors } = useEditForm<ReportFormValues>();
  const update = useUpdateReport();
  const submit = useSubmitReport();
  const save = (values: ReportFormValues, andSubmit: boolean) =>
    update.mutate(
      { id: report.id, body: { version: report.version, ...values } },
      {
        onSuccess: (saved) =>
          andSubmit
            ? submit.mutate(
                { id: saved.id, version: saved.version },
                { onSuccess: () => void message.success(t('report.submitted')), onError: showErrors },
              )
            : void message.success(t('common.saved')),
        onError: showErrors,
      },
    );
  return (
    <ReportForm
      form={form}
      kind={report.kind}
      initialValues={{
        work: report.work,
        plan: report.plan,
        problems: report.problems,
        recipientIds: report.recipients.map((r) => r.id),
      }}
      saving={update.isPending || submit.isPending}
      onSave={(values) => save(values, false)}
      onSubmit={(values) => save(values, true)}
    />
  );
}

function ReportText({ report }: { report: WorkReport }) {
  const { t } = useTranslation();
  const labels = fieldLabels(t, report.kind);
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {(['work', 'plan', 'problems'] as const).map((key) => (
        <div key={key}>
          <Typography.Text strong>{labels[key]}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid={`report-text-${key}`}>
            {report[key] || t('common.empty')}
          </Typography.Paragraph>
        </div>
      ))}
    </Space>
  );
}

/** One report: its author edits and submits the draft; readers see it with its counts and review. */
export default function ReportDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const me = useMe().data;
  const report = useReport(id);
  const loaded = report.data;
  // 张三 · 2026年12月7日 日报: whose report, and for when.
  useRecordTitle(
    loaded?.id,
    loaded && `${loaded.author.name} · ${periodText(t, loaded.kind, loaded.periodStart, loaded.periodEnd)}`,
  );
  if (report.isPending) return <Skeleton active />;
  if (report.isError) return <Alert type="error" showIcon title={report.error.message} />;
  const data = report.data;
  const isOwnDraft = data.status === 'draft' && data.author.id === me?.id;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card
        title={periodText(t, data.kind, data.periodStart, data.periodEnd)}
        extra={
          <Space size={4}>
            <Tag color={STATUS_COLORS[data.status]} data-testid="report-status">
              {t(`report.statuses.${data.status}`)}
            </Tag>
            {data.isLate && <Tag color="orange">{t('report.late')}</Tag>}
          </Space>
        }
        styles={{ body: { padding: 12 } }}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('report.author')}>{data.author.name}</Descriptions.Item>
          <Descriptions.Item label={t('report.dueAt')}>{time(data.dueAt)}</Descriptions.Item>
          <Descriptions.Item label={t('report.submittedAt')}>{time(data.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('report.recipients')}>
            {data.recipients.map((r) => r.name).join('、') || t('common.empty')}
          </Descriptions.Item>
        </Descriptions>
        <ReportCounts counts={data.counts} />
        <div style={{ marginTop: 12 }}>
          {isOwnDraft ? <DraftEditor key={data.version} report={data} /> : <ReportText report={data} />}
        </div>
      </Card>
      <ReportReviewCard key={`${data.id}:${data.version}`} report={data} />
    </Space>
  );
}
