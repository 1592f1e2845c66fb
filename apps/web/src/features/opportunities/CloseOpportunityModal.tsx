import type { Opportunity } from '@guanxi/contract';
import { Form, Input, Modal } from 'antd';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useCloseOpportunity, type CloseOutcome } from './opportunities.queries';

interface CloseOpportunityModalProps {
  /** The opportunity to close and how; null keeps the modal closed. */
  target: { opportunity: Opportunity; outcome: CloseOutcome } | null;
  onClose: () => void;
}

/** Won takes an optional comment; lost and invalid need a reason (the server insists too). */
export function CloseOpportunityModal({ target, onClose }: CloseOpportunityModalProps) {
  const { t, message, form, showServerErrors } = useEditForm<{ reason?: string }>();
  const close = useCloseOpportunity();
  const outcome = target?.outcome;
  const isWon = outcome === 'won';

  const submit = ({ reason: text }: { reason?: string }) => {
    if (!target) return;
    const body = isWon
      ? { comment: text?.trim() || undefined, version: target.opportunity.version }
      : { reason: text ?? '', version: target.opportunity.version };
    close.mutate(
      { id: target.opportunity.id, outcome: target.outcome, body },
      {
        onSuccess: () => {
          void message.success(t('opportunity.closed', { status: t(`opportunityStatus.${target.outcome}`) }));
          form.resetFields();
          onClose();
        },
        onError: showServerErrors,
      },
    );
  };

  return (
    <Modal
      open={target !== null}
      title={outcome ? t(`closeModal.${outcome}Title`) : ''}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      onOk={() => form.submit()}
      confirmLoading={close.isPending}
      okButtonProps={{ danger: outcome !== 'won', 'data-testid': 'close-opportunity-ok' }}
      destroyOnHidden
    >
      {target && <p>{target.opportunity.name}</p>}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={isWon ? t('closeModal.comment') : t('closeModal.reason')}
          rules={isWon ? [] : [{ required: true, whitespace: true, message: t('closeModal.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="close-opportunity-text" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
