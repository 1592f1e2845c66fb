import { DeleteOutlined } from '@ant-design/icons';
import { STAGE_TASK_KINDS, type LifecycleStage, type Stage, type StageStrategy } from '@guanxi/contract';
import { Button, Card, Form, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { NewButton } from '../../platform/ui/NewButton';
import { useSaveStageStrategies } from './stageStrategy.queries';

interface Props {
  strategies: StageStrategy[];
  stages: LifecycleStage[];
  canManage: boolean;
}

/** One stage's default tasks: title in the org's words, kind, due after N days. */
function DefaultTasks({ index, canManage }: { index: number; canManage: boolean }) {
  const { t } = useTranslation();
  const kindOptions = STAGE_TASK_KINDS.map((value) => ({ value, label: t(`stageStrategy.kinds.${value}`) }));
  return (
    <Form.List name={['items', index, 'defaultTasks']}>
      {(fields, { add, remove }) => (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          {fields.length === 0 && <Typography.Text type="secondary">{t('stageStrategy.noTasks')}</Typography.Text>}
          {fields.map((field) => (
            <Space key={field.key} wrap align="start" data-testid="strategy-task">
              <Form.Item
                name={[field.name, 'title']}
                noStyle
                rules={[{ required: true, whitespace: true, message: t('stageStrategy.taskTitleRequired') }]}
              >
                <Input
                  maxLength={200}
                  placeholder={t('stageStrategy.taskTitle')}
                  aria-label={t('stageStrategy.taskTitle')}
                  style={{ width: 240 }}
                  data-testid="strategy-task-title"
                />
              </Form.Item>
              <Form.Item name={[field.name, 'kind']} noStyle>
                <Select options={kindOptions} style={{ width: 96 }} aria-label={t('stageStrategy.kind')} />
              </Form.Item>
              <Form.Item name={[field.name, 'dueAfterDays']} noStyle rules={[{ required: true }]}>
                <InputNumber
                  min={0}
                  max={365}
                  precision={0}
                  aria-label={t('stageStrategy.dueAfterDays')}
                  addonAfter={t('stageStrategy.dueSuffix')}
                  style={{ width: 170 }}
                />
              </Form.Item>
              {canManage && (
                <Button
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('stageStrategy.removeTask')}
                />
              )}
            </Space>
          ))}
          {canManage && fields.length < 10 && (
            <NewButton size="small" onClick={() => add({ title: '', kind: 'call', dueAfterDays: 1 })}>
              {t('stageStrategy.addTask')}
            </NewButton>
          )}
        </Space>
      )}
    </Form.List>
  );
}

/**
 * Per-stage strategy beyond price (issue 13): the follow-up cadence expected, the tasks the owner
 * gets on entering the stage, and first-order care with its return visit.
 */
export function StageStrategyCard({ strategies, stages, canManage }: Props) {
  const { t, message, form, showServerErrors } = useEditForm<{ items: StageStrategy[] }>();
  const { i18n } = useTranslation();
  const save = useSaveStageStrategies();
  const nameOf = (code: Stage) => {
    const stage = stages.find((s) => s.code === code);
    if (!stage) return t(`stage.${code}`);
    return i18n.language === 'en' ? stage.nameEn : stage.nameZh;
  };
  const submit = ({ items }: { items: StageStrategy[] }) =>
    save.mutate(
      items.map((item, index) => ({
        ...strategies[index]!,
        ...item,
        followUpEveryDays: item.followUpEveryDays ?? null,
        defaultTasks: item.defaultTasks ?? [],
      })),
      { onSuccess: () => void message.success(t('common.saved')), onError: showServerErrors },
    );

  return (
    <Card title={t('stageStrategy.title')} data-testid="stage-strategy-card">
      <Typography.Paragraph type="secondary">{t('stageStrategy.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ items: strategies }} onFinish={submit} disabled={!canManage}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {strategies.map((strategy, index) => (
            <Card
              key={strategy.stage}
              type="inner"
              size="small"
              title={nameOf(strategy.stage)}
              data-testid={`strategy-${strategy.stage}`}
            >
              <Space wrap size={[24, 0]} align="start">
                <Form.Item name={['items', index, 'followUpEveryDays']} label={t('stageStrategy.followUpEveryDays')}>
                  <InputNumber
                    min={1}
                    max={365}
                    precision={0}
                    addonAfter={t('stageStrategy.days')}
                    placeholder={t('stageStrategy.noCadence')}
                    style={{ width: 150 }}
                    data-testid="strategy-cadence"
                  />
                </Form.Item>
                <Form.Item
                  name={['items', index, 'firstOrderCare']}
                  label={t('stageStrategy.firstOrderCare')}
                  valuePropName="checked"
                  tooltip={t('stageStrategy.firstOrderCareHelp')}
                >
                  <Switch data-testid="strategy-first-order-care" />
                </Form.Item>
                <Form.Item noStyle dependencies={[['items', index, 'firstOrderCare']]}>
                  {() =>
                    form.getFieldValue(['items', index, 'firstOrderCare']) ? (
                      <Form.Item
                        name={['items', index, 'returnVisitDays']}
                        label={t('stageStrategy.returnVisitDays')}
                        rules={[{ required: true }]}
                      >
                        <InputNumber min={0} max={365} precision={0} addonAfter={t('stageStrategy.days')} />
                      </Form.Item>
                    ) : null
                  }
                </Form.Item>
              </Space>
              <Form.Item label={t('stageStrategy.defaultTasks')} style={{ marginBottom: 0 }}>
                <DefaultTasks index={index} canManage={canManage} />
              </Form.Item>
            </Card>
          ))}
        </Space>
        {canManage && (
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            style={{ marginTop: 16 }}
            data-testid="strategy-save"
          >
            {t('stageStrategy.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
