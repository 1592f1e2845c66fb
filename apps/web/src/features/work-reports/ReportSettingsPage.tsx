import type { WorkReportSettings } from '@guanxi/contract';
import { Alert, Button, Card, Checkbox, Form, InputNumber, Select, Skeleton, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useDepartments } from '../departments';
import { useRoles } from '../roles';
import { useReportSettings, useSaveReportSettings } from './reports.queries';

type Values = Omit<WorkReportSettings, 'dailyDueTime' | 'weeklyDueTime' | 'monthlyDueTime'> & {
  dailyDueTime: Dayjs;
  weeklyDueTime: Dayjs;
  monthlyDueTime: Dayjs;
};
const clock = (value: string) => dayjs(`2000-01-01T${value}`);
const TIMES = ['dailyDueTime', 'weeklyDueTime', 'monthlyDueTime'] as const;

/** Due rules of the reports and who must write them (permission reports.manage). */
export default function ReportSettingsPage() {
  const { t, message, form, showServerErrors: showErrors } = useEditForm<Values>();
  const settings = useReportSettings();
  const save = useSaveReportSettings();
  const roles = useRoles();
  const departments = useDepartments();
  if (settings.isPending) return <Skeleton active />;
  if (settings.isError) return <Alert type="error" showIcon title={settings.error.message} />;
  const initial: Values = {
    ...settings.data,
    dailyDueTime: clock(settings.data.dailyDueTime),
    weeklyDueTime: clock(settings.data.weeklyDueTime),
    monthlyDueTime: clock(settings.data.monthlyDueTime),
  };
  const submit = (values: Values) =>
    save.mutate(
      {
        ...values,
        dailyDueTime: values.dailyDueTime.format('HH:mm'),
        weeklyDueTime: values.weeklyDueTime.format('HH:mm'),
        monthlyDueTime: values.monthlyDueTime.format('HH:mm'),
      } satisfies WorkReportSettings,
      { onSuccess: () => void message.success(t('common.saved')), onError: showErrors },
    );
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
    value: d,
    label: t(`reportSettings.weekdays.${d}` as 'reportSettings.weekdays.1'),
  }));

  return (
    <Card title={t('reportSettings.title')} style={{ maxWidth: 640 }}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        {TIMES.slice(0, 2).map((key) => (
          <Form.Item key={key} name={key} label={t(`reportSettings.${key}`)} rules={[{ required: true }]}>
            <TimePicker format="HH:mm" minuteStep={5} allowClear={false} />
          </Form.Item>
        ))}
        <Form.Item name="monthlyDueDay" label={t('reportSettings.monthlyDueDay')} rules={[{ required: true }]}>
          <InputNumber min={1} max={28} />
        </Form.Item>
        <Form.Item name="monthlyDueTime" label={t('reportSettings.monthlyDueTime')} rules={[{ required: true }]}>
          <TimePicker format="HH:mm" minuteStep={5} allowClear={false} />
        </Form.Item>
        <Form.Item name="workdays" label={t('reportSettings.workdays')} rules={[{ required: true }]}>
          <Checkbox.Group options={weekdays} />
        </Form.Item>
        <Form.Item name="requiredRoleCodes" label={t('reportSettings.requiredRoles')}>
          <Select
            mode="multiple"
            loading={roles.isPending}
            options={(roles.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
          />
        </Form.Item>
        <Form.Item name="requiredDepartmentIds" label={t('reportSettings.requiredDepartments')}>
          <Select
            mode="multiple"
            loading={departments.isPending}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
