import type { ReportKind } from '@guanxi/contract';
import { Button, Form, Input, Popconfirm, Space, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../platform/session.queries';
import { ActiveUserSelect } from '../users';
import { fieldLabels } from './reportText';

export interface ReportFormValues {
  work: string;
  plan: string;
  problems: string;
  recipientIds?: string[];
}

/**
 * The text of a report with "save draft" and "submit". Recipients can be picked by users who
 * may list users; the direct manager always receives the report anyway.
 */
export function ReportForm(props: {
  form: FormInstance<ReportFormValues>;
  kind: ReportKind;
  initialValues: ReportFormValues;
  saving: boolean;
  onSave: (values: ReportFormValues) => void;
  onSubmit: (values: ReportFormValues) => void;
}) {
  const { t } = useTranslation();
  const canPickRecipients = useMe().data?.permissions.includes('users.view') ?? false;
  const labels = fieldLabels(t, props.kind);
  const submit = () => void props.form.validateFields().then(props.onSubmit);
  return (
    <Form form={props.form} layout="vertical" initialValues={props.initialValues} onFinish={props.onSave}>
      <Form.Item name="work" label={labels.work} rules={[{ required: true, whitespace: true, message: labels.work }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={10_000} data-testid="report-work" />
      </Form.Item>
      <Form.Item name="plan" label={labels.plan}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10_000} data-testid="report-plan" />
      </Form.Item>
      <Form.Item name="problems" label={labels.problems}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10_000} data-testid="report-problems" />
      </Form.Item>
      {canPickRecipients && (
        <Form.Item name="recipientIds" label={t('report.recipients')} extra={t('report.recipientsHint')}>
          <ActiveUserSelect mode="multiple" allowClear />
        </Form.Item>
      )}
      <Space wrap>
        <Button htmlType="submit" loading={props.saving} data-testid="report-save">
          {t('report.saveDraft')}
        </Button>
        <Popconfirm
          title={t('report.submitConfirm')}
          onConfirm={submit}
          okButtonProps={{ 'data-testid': 'report-submit-confirm' } as Record<`data-${string}`, string>}
        >
          <Button type="primary" loading={props.saving} data-testid="report-submit">
            {t('report.submit')}
          </Button>
        </Popconfirm>
      </Space>
    </Form>
  );
}
