import { CREDIT_MODES, type FinanceSettings, type PutFinanceSettingsBody } from '@guanxi/contract';
import { Alert, Button, Card, Divider, Form, Input, InputNumber, Radio, Spin } from 'antd';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useFinanceSettings, usePutFinanceSettings } from './orders.queries';

type FormValues = Omit<PutFinanceSettingsBody, 'version'>;

/** 财务设置 (finance.manage): credit mode, default term, order number prefix, value tier bounds. */
export default function FinanceSettingsPage() {
  const settings = useFinanceSettings();
  if (settings.isPending) return <Spin />;
  if (settings.isError) return <Alert type="error" showIcon title={settings.error.message} />;
  return <SettingsForm settings={settings.data} />;
}

function SettingsForm({ settings }: { settings: FinanceSettings }) {
  const { t, message, form, showServerErrors } = useEditForm<FormValues>();
  const save = usePutFinanceSettings();
  const { version, ...initialValues } = settings;
  const percent = (min: number, max: number) => (
    <InputNumber min={min} max={max} precision={0} style={{ width: 160 }} />
  );
  return (
    <Card title={t('financeSettings.title')}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) =>
          save.mutate(
            { ...values, version },
            { onSuccess: () => void message.success(t('common.saved')), onError: showServerErrors },
          )
        }
        style={{ maxWidth: 520 }}
        data-testid="finance-settings-form"
      >
        <Divider titlePlacement="start">{t('financeSettings.creditSection')}</Divider>
        <Form.Item name="creditMode" label={t('financeSettings.creditMode')}>
          <Radio.Group
            options={CREDIT_MODES.map((m) => ({ value: m, label: t(`financeSettings.creditModes.${m}`) }))}
          />
        </Form.Item>
        <Form.Item name="defaultTermDays" label={t('financeSettings.defaultTermDays')} rules={[{ required: true }]}>
          <InputNumber min={0} max={3650} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="orderNoPrefix"
          label={t('financeSettings.orderNoPrefix')}
          extra={t('financeSettings.orderNoPrefixHint')}
          rules={[{ required: true, pattern: /^[A-Z0-9-]{1,8}$/, message: t('financeSettings.orderNoPrefixHint') }]}
        >
          <Input maxLength={8} style={{ width: 160 }} />
        </Form.Item>
        <Divider titlePlacement="start">{t('financeSettings.valueSection')}</Divider>
        <Form.Item
          name="pyramidPlatinumPct"
          label={t('financeSettings.pyramidPlatinumPct')}
          rules={[{ required: true }]}
        >
          {percent(1, 50)}
        </Form.Item>
        <Form.Item name="pyramidGoldPct" label={t('financeSettings.pyramidGoldPct')} rules={[{ required: true }]}>
          {percent(2, 90)}
        </Form.Item>
        <Form.Item name="abcAPct" label={t('financeSettings.abcAPct')} rules={[{ required: true }]}>
          {percent(50, 95)}
        </Form.Item>
        <Form.Item name="abcBPct" label={t('financeSettings.abcBPct')} rules={[{ required: true }]}>
          {percent(51, 99)}
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
