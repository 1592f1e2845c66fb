import { DeleteOutlined } from '@ant-design/icons';
import { STAGES, type ApprovalRule, type LifecycleStage } from '@guanxi/contract';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useHasPermission } from '../../platform/session.queries';
import { RuleValuesCard } from './RuleValuesCard';
import { StageStrategyCard } from './StageStrategyCard';
import { useStageStrategies } from './stageStrategy.queries';
import {
  useLifecycleRuleSettings,
  useApprovalRules,
  useLifecycleStages,
  useSaveApprovalRules,
  useSaveLifecycleStages,
} from './lifecycleSettings.queries';
import { ListTable } from '../../platform/ui/ListTable';
import { NewButton } from '../../platform/ui/NewButton';

const ANY = '*';

function StagesCard({ stages, canManage }: { stages: LifecycleStage[]; canManage: boolean }) {
  const { t, message, form, showServerErrors: showErrors } = useEditForm<{ items: LifecycleStage[] }>();
  const save = useSaveLifecycleStages();
  const submit = ({ items }: { items: LifecycleStage[] }) =>
    save.mutate(
      items.map((item, index) => ({ ...stages[index]!, ...item, expectedDwellDays: item.expectedDwellDays ?? null })),
      { onSuccess: () => void message.success(t('common.saved')), onError: showErrors },
    );

  return (
    <Card title={t('stageSettings.stagesTitle')}>
      <Form form={form} initialValues={{ items: stages }} onFinish={submit} disabled={!canManage}>
        <Form.List name="items">
          {(fields) => (
            <ListTable
              rowKey="key"
              size="small"
              rows={fields}
              columns={[
                {
                  key: 'code',
                  title: t('stageSettings.code'),
                  // The built-in stage a row renames, in the reader's language (never its code).
                  render: (_, f) => {
                    const code = stages[f.name]?.code;
                    return code ? t(`stage.${code}`) : null;
                  },
                },
                ...(['nameZh', 'nameEn'] as const).map((name) => ({
                  key: name,
                  title: t(`stageSettings.${name}`),
                  render: (_: unknown, f: { name: number }) => (
                    <Form.Item name={[f.name, name]} noStyle rules={[{ required: true, whitespace: true }]}>
                      <Input maxLength={32} data-testid={`stage-${name}`} />
                    </Form.Item>
                  ),
                })),
                {
                  key: 'dwell',
                  title: t('stageSettings.expectedDwellDays'),
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'expectedDwellDays']} noStyle>
                      <InputNumber
                        min={1}
                        max={3650}
                        precision={0}
                        placeholder={t('stageSettings.noLimit')}
                        data-testid="stage-dwell"
                      />
                    </Form.Item>
                  ),
                },
                {
                  key: 'active',
                  title: t('stageSettings.active'),
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'active']} valuePropName="checked" noStyle>
                      <Switch data-testid="stage-active" />
                    </Form.Item>
                  ),
                },
              ]}
            />
          )}
        </Form.List>
        {canManage && (
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            style={{ marginTop: 16 }}
            data-testid="stages-save"
          >
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

interface RuleRow {
  from: string;
  to: ApprovalRule['to'];
}

function RulesCard({ rules, canManage }: { rules: ApprovalRule[]; canManage: boolean }) {
  const { t, message, form, showServerErrors: showErrors } = useEditForm<{ items: RuleRow[] }>();
  const save = useSaveApprovalRules();
  const stageOptions = STAGES.map((value) => ({ value, label: t(`stage.${value}`) }));
  const fromOptions = [{ value: ANY, label: t('stageSettings.anyStage') }, ...stageOptions];
  const submit = ({ items }: { items: RuleRow[] }) =>
    save.mutate(
      items.map((row) => ({ from: row.from === ANY ? null : (row.from as ApprovalRule['to']), to: row.to })),
      { onSuccess: () => void message.success(t('common.saved')), onError: showErrors },
    );

  return (
    <Card title={t('stageSettings.rulesTitle')}>
      <Typography.Paragraph type="secondary">{t('stageSettings.rulesHint')}</Typography.Paragraph>
      <Form
        form={form}
        onFinish={submit}
        disabled={!canManage}
        initialValues={{ items: rules.map((rule) => ({ from: rule.from ?? ANY, to: rule.to })) }}
      >
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap data-testid="approval-rule">
                  <Form.Item name={[field.name, 'from']} label={t('stageSettings.from')} rules={[{ required: true }]}>
                    <Select options={fromOptions} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'to']} label={t('stageSettings.to')} rules={[{ required: true }]}>
                    <Select options={stageOptions} style={{ width: 180 }} />
                  </Form.Item>
                  {canManage && (
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('stageSettings.removeRule')}
                    />
                  )}
                </Space>
              ))}
              {canManage && (
                <Space style={{ display: 'flex' }}>
                  <NewButton onClick={() => add({ from: ANY, to: 'lost' })} data-testid="approval-rule-add">
                    {t('stageSettings.addRule')}
                  </NewButton>
                  <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="approval-rules-save">
                    {t('common.save')}
                  </Button>
                </Space>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}

/** Lifecycle settings: stage names, expected dwell and active flag; per-stage strategy; which moves need approval. */
export default function LifecycleSettingsPage() {
  const canManage = useHasPermission('lifecycle.manage');
  const stages = useLifecycleStages();
  const rules = useApprovalRules();
  const ruleValues = useLifecycleRuleSettings();
  const strategies = useStageStrategies();
  const error = stages.error ?? rules.error ?? ruleValues.error ?? strategies.error;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title={error.message} />}
      {stages.data && <StagesCard stages={stages.data} canManage={canManage} />}
      {strategies.data && stages.data && (
        <StageStrategyCard strategies={strategies.data} stages={stages.data} canManage={canManage} />
      )}
      {rules.data && <RulesCard rules={rules.data} canManage={canManage} />}
      {ruleValues.data && <RuleValuesCard values={ruleValues.data} canManage={canManage} />}
    </Space>
  );
}
