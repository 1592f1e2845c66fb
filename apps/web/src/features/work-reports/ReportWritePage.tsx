import { REPORT_KINDS, type ReportKind } from '@guanxi/contract';
import { App, Card, DatePicker, Form, Segmented, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../platform/api';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { ReportCounts } from './ReportCounts';
import { ReportForm, type ReportFormValues } from './ReportForm';
import { periodText } from './reportText';
import { useCreateReport, useReportPreview, useSubmitReport } from './reports.queries';
import { orgToday } from '../../platform/orgToday';

const PICKERS = { daily: 'date', weekly: 'week', monthly: 'month' } as const;
const isKind = (value: string | null): value is ReportKind => REPORT_KINDS.includes(value as ReportKind);

/** Writing a new report: choose the kind and period, see the period's counts, write and submit. */
export default function ReportWritePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const kind: ReportKind = isKind(params.get('kind')) ? (params.get('kind') as ReportKind) : 'daily';
  const period = params.get('period') ?? orgToday().format('YYYY-MM-DD');
  const [form] = Form.useForm<ReportFormValues>();
  const showErrors = useServerFieldErrors(form);
  const preview = useReportPreview(kind, period, true);
  const create = useCreateReport();
  const submit = useSubmitReport();

  // A report of this period exists already: open it instead of writing a second one.
  const existing = preview.data?.reportId;
  useEffect(() => {
    if (existing) {
      void message.info(t('report.exists'));
      void navigate(`/work-reports/${existing}`, { replace: true });
    }
  }, [existing, message, navigate, t]);

  const choose = (next: { kind?: ReportKind; period?: string }) =>
    setParams({ kind: next.kind ?? kind, period: next.period ?? period }, { replace: true });

  const save = (values: ReportFormValues, andSubmit: boolean) =>
    create.mutate(
      { kind, period, ...values },
      {
        onSuccess: (report) => {
          if (!andSubmit) {
            void message.success(t('common.saved'));
            void navigate(`/work-reports/${report.id}`, { replace: true });
            return;
          }
          submit.mutate(
            { id: report.id, version: report.version },
            {
              onSuccess: () => {
                void message.success(t('report.submitted'));
                void navigate(`/work-reports/${report.id}`, { replace: true });
              },
              onError: showErrors,
            },
          );
        },
        onError: (error) => (isApiError(error) && error.status === 409 ? void preview.refetch() : showErrors(error)),
      },
    );

  return (
    <Card title={t('report.writeTitle', { kind: t(`report.kinds.${kind}`) })} styles={{ body: { padding: 12 } }}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap>
          <Segmented<ReportKind>
            value={kind}
            onChange={(next) => choose({ kind: next })}
            options={REPORT_KINDS.map((k) => ({ value: k, label: t(`report.kinds.${k}`) }))}
            data-testid="report-kind"
          />
          <DatePicker
            picker={PICKERS[kind]}
            value={dayjs(period)}
            allowClear={false}
            disabledDate={(day: Dayjs) => day.isAfter(orgToday(), 'day')}
            onChange={(day: Dayjs | null) => day && choose({ period: day.format('YYYY-MM-DD') })}
          />
        </Space>
        {preview.data && (
          <Typography.Text type="secondary">
            {periodText(t, kind, preview.data.periodStart, preview.data.periodEnd)} · {t('report.dueAt')}{' '}
            {dayjs(preview.data.dueAt).format('YYYY-MM-DD HH:mm')}
          </Typography.Text>
        )}
        <ReportCounts counts={preview.data?.counts} loading={preview.isPending} />
        <ReportForm
          form={form}
          kind={kind}
          initialValues={{ work: '', plan: '', problems: '' }}
          saving={create.isPending || submit.isPending}
          onSave={(values) => save(values, false)}
          onSubmit={(values) => save(values, true)}
        />
      </Space>
    </Card>
  );
}
