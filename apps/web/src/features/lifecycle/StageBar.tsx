import { STAGES, type Customer, type Stage } from '@guanxi/contract';
import { Button, Dropdown, Form, Input, Space, Steps, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useHasPermission } from '../../platform/session.queries';
import { isPendingRequest, useMoveStage, useStageRequests, useStageTransitions } from './lifecycle.queries';
import { FormModal } from '../../platform/ui/FormModal';

/** Asks for the required reason and sends the move; an answer "pending" means approval is needed. */
function MoveStageModal({
  customer,
  to,
  onClose,
  onPending,
}: {
  customer: Customer;
  to: Stage | null;
  onClose: () => void;
  onPending: (stage: Stage) => void;
}) {
  const { t, message, form, showServerErrors: showErrors } = useEditForm<{ reason: string }>();
  const move = useMoveStage(customer.id);

  const submit = ({ reason }: { reason: string }) => {
    if (!to) return;
    move.mutate(
      { to, reason: reason.trim() },
      {
        onSuccess: (result) => {
          if (isPendingRequest(result)) {
            onPending(to);
            void message.info(t('lifecycle.pendingHint'));
          } else {
            void message.success(t('lifecycle.moved'));
          }
          form.resetFields();
          onClose();
        },
        onError: showErrors,
      },
    );
  };

  return (
    <FormModal
      form={form}
      open={to !== null}
      title={to ? t('lifecycle.moveTitle', { stage: t(`stage.${to}`) }) : null}
      onClose={onClose}
      saving={move.isPending}
      okTestId="stage-move-submit"
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('lifecycle.reason')}
          rules={[{ required: true, whitespace: true, message: t('lifecycle.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="stage-move-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** The progression a customer moves along; "lost" is a status beside it, never its goal. */
const PROGRESSION: readonly Stage[] = STAGES.filter((stage) => stage !== 'lost');

/**
 * The customer's lifecycle stage as Steps (prospect → interested → first purchase → repeat), with
 * "move to…" for users who may move stages. A lost customer shows a red tag, and the step it was
 * lost from is marked as failed.
 */
export function StageBar({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const canMove = useHasPermission('lifecycle.move');
  const [target, setTarget] = useState<Stage | null>(null);
  const [pendingStage, setPendingStage] = useState<Stage | null>(null);
  const requests = useStageRequests('pending', canMove);
  const pending = requests.data?.items.find((request) => request.customerId === customer.id)?.to ?? pendingStage;
  const isLost = customer.stage === 'lost';
  const transitions = useStageTransitions(customer.id);
  // The stage the customer was lost from: the latest move into "lost" (answers are newest first).
  const lostFrom = transitions.data?.items.find((row) => row.to === 'lost')?.from ?? null;
  const current = isLost
    ? Math.max(0, PROGRESSION.indexOf((lostFrom ?? 'prospect') as Stage))
    : PROGRESSION.indexOf(customer.stage);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      <Space wrap>
        {canMove && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: STAGES.filter((stage) => stage !== customer.stage).map((stage) => ({
                key: stage,
                label: t(`stage.${stage}`),
                'data-testid': `stage-move-${stage}`,
              })),
              onClick: ({ key }) => setTarget(key as Stage),
            }}
          >
            <Button size="small" data-testid="stage-move">
              {t('lifecycle.moveTo')}
            </Button>
          </Dropdown>
        )}
        {isLost && (
          <Tag color="red" data-testid="stage-lost">
            {t('stage.lost')} · {t('customer.days', { count: customer.daysInStage })}
          </Tag>
        )}
        {pending && (
          <Tag color="gold" data-testid="stage-pending">
            {t('lifecycle.pendingTag', { stage: t(`stage.${pending}`) })}
          </Tag>
        )}
      </Space>
      <Steps
        size="small"
        current={current}
        status={isLost ? 'error' : 'process'}
        items={PROGRESSION.map((stage) => ({
          title: t(`stage.${stage}`),
          // How long the customer has sat in its current stage, under that stage.
          content:
            stage === customer.stage ? (
              <span data-testid="stage-days">{t('customer.days', { count: customer.daysInStage })}</span>
            ) : undefined,
        }))}
        data-testid="stage-bar"
      />
      <MoveStageModal customer={customer} to={target} onClose={() => setTarget(null)} onPending={setPendingStage} />
    </Space>
  );
}
