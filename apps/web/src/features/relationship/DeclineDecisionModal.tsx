import { WIN_BACK_STEPS, type DeclineDecisionBody, type LetGoTarget, type WinBackStep } from '@guanxi/contract';
import { Checkbox, DatePicker, Form, Input, Radio, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../platform/ui/FormModal';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useDecideDecline } from './relationship.queries';
import { orgToday } from '../../platform/orgToday';

interface DecisionForm {
  strategy: 'win_back' | 'let_go';
  reason: string;
  steps: WinBackStep[];
  due: Record<WinBackStep, Dayjs | null>;
  notes: Partial<Record<WinBackStep, string>>;
  checkOn: Dayjs | null;
  letGoTo: LetGoTarget;
}

/** Default due dates of the steps: a call tomorrow, a visit within the week, an offer after it. */
const DEFAULT_DUE: Record<WinBackStep, number> = { call: 1, visit: 5, offer: 7 };
const DATE = 'YYYY-MM-DD';
const notBeforeToday = (day: Dayjs) => day.isBefore(orgToday(), 'day');

/** The owner's or manager's answer to a customer entering decline: win back with tasks, or let go. */
export function DeclineDecisionModal({
  customerId,
  open,
  onClose,
}: {
  customerId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t, message, form, showServerErrors } = useEditForm<DecisionForm>();
  const decide = useDecideDecline(customerId);
  const strategy = Form.useWatch('strategy', form) ?? 'win_back';
  const steps = Form.useWatch('steps', form) ?? [];

  const submit = (values: DecisionForm) => {
    const body: DeclineDecisionBody =
      values.strategy === 'win_back'
        ? {
            strategy: 'win_back',
            reason: values.reason.trim(),
            tasks: values.steps.map((step) => ({
              step,
              dueOn: (values.due[step] ?? orgToday().add(DEFAULT_DUE[step], 'day')).format(DATE),
              ...(values.notes[step]?.trim() ? { note: values.notes[step].trim() } : {}),
            })),
            checkOn: (values.checkOn ?? orgToday().add(14, 'day')).format(DATE),
          }
        : { strategy: 'let_go', reason: values.reason.trim(), letGoTo: values.letGoTo };
    decide.mutate(body, {
      onSuccess: (result) => {
        if (result.stageMove === 'pending') void message.info(t('relationship.decidedPending'));
        else if (result.tasksCreated > 0)
          void message.success(t('relationship.decidedWithTasks', { count: result.tasksCreated }));
        else void message.success(t('relationship.decided'));
        onClose();
      },
      onError: showServerErrors,
    });
  };

  const initialValues: Partial<DecisionForm> = {
    strategy: 'win_back',
    steps: ['call', 'visit'],
    due: {
      call: orgToday().add(DEFAULT_DUE.call, 'day'),
      visit: orgToday().add(DEFAULT_DUE.visit, 'day'),
      offer: orgToday().add(DEFAULT_DUE.offer, 'day'),
    },
    notes: {},
    checkOn: orgToday().add(14, 'day'),
    letGoTo: 'pool',
  };

  return (
    <FormModal
      form={form}
      open={open}
      title={t('relationship.decide')}
      onClose={onClose}
      saving={decide.isPending}
      okText={t('relationship.submit')}
      okTestId="decline-decision-submit"
      danger={strategy === 'let_go'}
      width={560}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        <Form.Item name="strategy" label={t('relationship.strategy')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="decline-strategy"
            options={[
              { value: 'win_back', label: t('relationship.winBack') },
              { value: 'let_go', label: t('relationship.letGo') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('relationship.reason')}
          rules={[{ required: true, whitespace: true, message: t('lifecycle.reasonRequired') }]}
        >
          <Input.TextArea
            rows={2}
            maxLength={500}
            showCount
            placeholder={t('relationship.reasonPlaceholder')}
            data-testid="decline-reason"
          />
        </Form.Item>
        {strategy === 'win_back' ? (
          <>
            <Form.Item
              name="steps"
              label={t('relationship.chooseSteps')}
              rules={[{ required: true, type: 'array', min: 1, message: t('relationship.chooseSteps') }]}
            >
              <Checkbox.Group
                data-testid="decline-steps"
                options={WIN_BACK_STEPS.map((step) => ({ value: step, label: t(`relationship.steps.${step}`) }))}
              />
            </Form.Item>
            {WIN_BACK_STEPS.filter((step) => steps.includes(step)).map((step) => (
              <Space key={step} wrap align="start" style={{ width: '100%' }}>
                <Form.Item
                  name={['due', step]}
                  label={`${t(`relationship.steps.${step}`)} · ${t('relationship.stepDue')}`}
                  rules={[{ required: true, message: t('relationship.stepDue') }]}
                >
                  <DatePicker disabledDate={notBeforeToday} allowClear={false} inputReadOnly />
                </Form.Item>
                <Form.Item name={['notes', step]} label={t('relationship.stepNote')}>
                  <Input maxLength={200} style={{ minWidth: 200 }} />
                </Form.Item>
              </Space>
            ))}
            <Form.Item
              name="checkOn"
              label={t('relationship.checkOn')}
              rules={[{ required: true, message: t('relationship.checkOn') }]}
            >
              <DatePicker disabledDate={notBeforeToday} allowClear={false} inputReadOnly />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="letGoTo" label={t('relationship.letGoTo')}>
            <Radio.Group
              data-testid="decline-let-go-to"
              options={(['pool', 'lost'] as const).map((target) => ({
                value: target,
                label: t(`relationship.letGoTargets.${target}`),
              }))}
            />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
