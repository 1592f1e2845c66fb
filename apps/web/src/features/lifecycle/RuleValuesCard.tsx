import type { LifecycleRuleSettings } from '@guanxi/contract';
import { Button, Card, Form, InputNumber } from 'antd';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useSaveLifecycleRuleSettings } from './lifecycleSettings.queries';

/**
 * Organization-wide rule values: when buyers become lost, how often stuck alerts repeat, and how
 * similar two names must be for the duplicate check to warn.
 */
export function RuleValuesCard({ values, canManage }: { values: LifecycleRuleSettings; canManage: boolean }) {
  const { t, message, form, showServerErrors: showErrors } = useEditForm<LifecycleRuleSettings>();
  const save = useSaveLifecycleRuleSettings();
  const submit = (next: LifecycleRuleSettings) =>
    save.mutate(next, { onSuccess: () => void message.success(t('stageSettings.saved')), onError: showErrors });

  return (
    <Card title={t('stageSettings.ruleValuesTitle')}>
      <Form form={form} layout="vertical" initialValues={values} onFinish={submit} disabled={!canManage}>
        <Form.Item name="lostAfterDays" label={t('stageSettings.lostAfterDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={3650} addonAfter={t('stageSettings.days')} data-testid="rule-lost-after-days" />
        </Form.Item>
        <Form.Item name="stuckRepeatDays" label={t('stageSettings.stuckRepeatDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={365} addonAfter={t('stageSettings.days')} data-testid="rule-stuck-repeat-days" />
        </Form.Item>
        <Form.Item
          name="nameSimilarityPercent"
          label={t('stageSettings.nameSimilarityPercent')}
          extra={t('stageSettings.nameSimilarityHelp')}
          rules={[{ required: true }]}
        >
          <InputNumber min={30} max={100} addonAfter="%" data-testid="rule-name-similarity" />
        </Form.Item>
        {canManage && (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="rule-values-save">
            {t('stageSettings.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
