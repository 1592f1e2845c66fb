import {
  APPROVAL_MODES,
  APPROVER_KINDS,
  MAX_APPROVAL_LEVELS,
  MAX_APPROVAL_STEPS,
  type ApprovalFlow,
  type ApprovalStep,
} from '@guanxi/contract';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Spin,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../platform/api';
import { useRoles } from '../roles';
import { useUserChoices } from '../users';
import { useApprovalFlows, useSaveApprovalFlow } from './approvals.queries';
import { NewButton } from '../../platform/ui/NewButton';

interface FlowForm {
  name: string;
  enabled: boolean;
  steps: ApprovalStep[];
}

/** "steps[2].roleId" → ['steps', 2, 'roleId'], so the server's field errors land on the right input. */
function fieldPath(field: string): (string | number)[] {
  return field
    .replace(/^\//, '')
    .split(/[./[\]]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Keeps only what the kind uses, so a switched kind does not send stale fields. */
function cleanStep(step: ApprovalStep): ApprovalStep {
  const base = { name: step.name, approverKind: step.approverKind, mode: step.mode };
  if (step.approverKind === 'manager') return { ...base, levels: step.levels ?? 1 };
  if (step.approverKind === 'role') return step.roleId ? { ...base, roleId: step.roleId } : base;
  return { ...base, userIds: step.userIds ?? [] };
}

function FlowEditor({ flow }: { flow: ApprovalFlow }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FlowForm>();
  const save = useSaveApprovalFlow();
  const roles = useRoles();
  const users = useUserChoices();
  const roleOptions = (roles.data ?? []).map((r) => ({ value: r.id, label: r.name }));
  const userOptions = (users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }));

  const submit = (values: FlowForm) =>
    save.mutate(
      {
        businessType: flow.businessType,
        name: values.name,
        enabled: values.enabled,
        steps: values.steps.map(cleanStep),
        version: flow.version,
      },
      {
        onSuccess: () => void message.success(t('approvalFlow.saved')),
        onError: (error) => {
          if (isApiError(error) && error.fields) {
            // The server's paths are only known at run time; antd's typed name paths cannot express them.
            form.setFields(error.fields.map((f) => ({ name: fieldPath(f.field) as ['name'], errors: [f.message] })));
          }
          void message.error(error.message);
        },
      },
    );

  return (
    <Form<FlowForm>
      form={form}
      layout="vertical"
      initialValues={{ name: flow.name, enabled: flow.enabled, steps: flow.steps }}
      onFinish={submit}
      data-testid={`approval-flow-${flow.businessType}`}
    >
      <Space align="start" wrap>
        <Form.Item name="name" label={t('approvalFlow.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={64} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item
          name="enabled"
          label={t('approvalFlow.enabled')}
          valuePropName="checked"
          extra={t('approvalFlow.disabledHint')}
        >
          <Switch />
        </Form.Item>
      </Space>
      <Typography.Title level={5}>{t('approvalFlow.steps')}</Typography.Title>
      <Form.List name="steps">
        {(fields, { add, remove, move }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                title={t('approvalFlow.step', { n: index + 1 })}
                extra={
                  <Space>
                    <Button
                      size="small"
                      icon={<ArrowUpOutlined />}
                      disabled={index === 0}
                      onClick={() => move(index, index - 1)}
                      aria-label={t('approvalFlow.moveUp')}
                    />
                    <Button
                      size="small"
                      icon={<ArrowDownOutlined />}
                      disabled={index === fields.length - 1}
                      onClick={() => move(index, index + 1)}
                      aria-label={t('approvalFlow.moveDown')}
                    />
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={fields.length === 1}
                      onClick={() => remove(index)}
                      aria-label={t('approvalFlow.remove')}
                    />
                  </Space>
                }
              >
                <Space align="start" wrap>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t('approvalFlow.stepName')}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input maxLength={64} style={{ width: 180 }} data-testid={`approval-step-name-${index}`} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'approverKind']}
                    label={t('approvalFlow.approverKind')}
                    rules={[{ required: true }]}
                  >
                    <Select
                      style={{ width: 160 }}
                      options={APPROVER_KINDS.map((k) => ({ value: k, label: t(`approvalFlow.kinds.${k}`) }))}
                    />
                  </Form.Item>
                  <Form.Item noStyle dependencies={[['steps', field.name, 'approverKind']]}>
                    {() => {
                      const kind = form.getFieldValue([
                        'steps',
                        field.name,
                        'approverKind',
                      ]) as ApprovalStep['approverKind'];
                      if (kind === 'manager') {
                        return (
                          <Form.Item name={[field.name, 'levels']} label={t('approvalFlow.levels')} initialValue={1}>
                            <InputNumber min={1} max={MAX_APPROVAL_LEVELS} precision={0} />
                          </Form.Item>
                        );
                      }
                      if (kind === 'role') {
                        return (
                          <Form.Item
                            name={[field.name, 'roleId']}
                            label={t('approvalFlow.role')}
                            rules={[{ required: true }]}
                          >
                            <Select
                              style={{ width: 180 }}
                              options={roleOptions}
                              loading={roles.isPending}
                              showSearch
                              optionFilterProp="label"
                            />
                          </Form.Item>
                        );
                      }
                      return (
                        <Form.Item
                          name={[field.name, 'userIds']}
                          label={t('approvalFlow.users')}
                          rules={[{ required: true }]}
                        >
                          <Select
                            mode="multiple"
                            style={{ minWidth: 240 }}
                            options={userOptions}
                            loading={users.isPending}
                            optionFilterProp="label"
                          />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                  <Form.Item name={[field.name, 'mode']} label={t('approvalFlow.mode')} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 200 }}
                      options={APPROVAL_MODES.map((m) => ({ value: m, label: t(`approvalFlow.modes.${m}`) }))}
                    />
                  </Form.Item>
                </Space>
              </Card>
            ))}
            <NewButton
              disabled={fields.length >= MAX_APPROVAL_STEPS}
              onClick={() => add({ name: '', approverKind: 'manager', levels: 1, mode: 'any' })}
            >
              {t('approvalFlow.addStep')}
            </NewButton>
          </Space>
        )}
      </Form.List>
      <Button
        type="primary"
        htmlType="submit"
        loading={save.isPending}
        style={{ marginTop: 16 }}
        data-testid="approval-flow-save"
      >
        {t('approvalFlow.save')}
      </Button>
    </Form>
  );
}

/** Settings: one approval flow per business type (approvals.manage). */
export default function ApprovalFlowsPage() {
  const { t } = useTranslation();
  const flows = useApprovalFlows();
  return (
    <Card title={t('approvalFlow.title')}>
      <Typography.Paragraph type="secondary">{t('approvalFlow.hint')}</Typography.Paragraph>
      {flows.isPending && <Spin />}
      {flows.isError && <Alert type="error" showIcon title={flows.error.message} />}
      {flows.data && (
        <Collapse
          items={flows.data.map((flow) => ({
            key: flow.businessType,
            label: (
              <Space data-testid={`approval-flow-header-${flow.businessType}`}>
                {t(`approvalFlow.types.${flow.businessType}`)}
                <Typography.Text type="secondary">{flow.name}</Typography.Text>
                {flow.isDefault && <Tag>{t('approvalFlow.builtIn')}</Tag>}
                {!flow.enabled && <Tag color="warning">{t('approvalFlow.enabled')}: ✕</Tag>}
              </Space>
            ),
            // Remount after a save so the form starts from the saved flow and its new version.
            children: <FlowEditor key={`${flow.businessType}-${flow.version}`} flow={flow} />,
          }))}
        />
      )}
    </Card>
  );
}
