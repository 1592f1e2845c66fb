import type { LoseOpportunityBody, Opportunity } from '@guanxi/contract';
import { Form, Input, Modal, Select } from 'antd';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useCompetitors, useLossReasons } from './competition.queries';
import { useCloseOpportunity, type CloseOutcome } from './opportunities.queries';
import { useReasonLabel } from './opportunityLabels';

interface CloseOpportunityModalProps {
  /** The opportunity to close and how; null keeps the modal closed. */
  target: { opportunity: Opportunity; outcome: CloseOutcome } | null;
  onClose: () => void;
  /** Called once the opportunity is won (the page offers to enter its order). */
  onWon?: () => void;
}
interface CloseForm {
  reason?: string;
  lossReasonId?: string;
  competitorId?: string;
}

/**
 * Won takes an optional comment; invalid needs a reason; lost needs a loss reason, the competitor
 * when that reason requires one, and takes an optional note (the server insists too).
 */
export function CloseOpportunityModal({ target, onClose, onWon }: CloseOpportunityModalProps) {
  const { t, message, form, showServerErrors } = useEditForm<CloseForm>();
  const close = useCloseOpportunity();
  const outcome = target?.outcome;
  const isWon = outcome === 'won';
  const isLost = outcome === 'lost';
  const reasons = useLossReasons();
  const competitors = useCompetitors();
  const reasonLabel = useReasonLabel();
  const lossReasonId = Form.useWatch('lossReasonId', form);
  const needsCompetitor = reasons.data?.find((r) => r.id === lossReasonId)?.requiresCompetitor ?? false;

  const submit = ({ reason: text, lossReasonId: reasonId, competitorId }: CloseForm) => {
    if (!target) return;
    const version = target.opportunity.version;
    const lost: LoseOpportunityBody = {
      ...(reasonId ? { lossReasonId: reasonId } : {}),
      competitorId: competitorId ?? null,
      note: text?.trim() || null,
      version,
    };
    const body = isWon
      ? { comment: text?.trim() || undefined, version }
      : isLost
        ? lost
        : { reason: text ?? '', version };
    close.mutate(
      { id: target.opportunity.id, outcome: target.outcome, body },
      {
        onSuccess: () => {
          void message.success(t('opportunity.closed', { status: t(`opportunityStatus.${target.outcome}`) }));
          form.resetFields();
          onClose();
          if (isWon) onWon?.();
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
        {isLost && (
          <Form.Item
            name="lossReasonId"
            label={t('lossReason.reason')}
            rules={[{ required: true, message: t('lossReason.reasonRequired') }]}
          >
            <Select
              loading={reasons.isPending}
              options={(reasons.data ?? [])
                .filter((r) => !r.archived)
                .map((r) => ({ value: r.id, label: reasonLabel(r) }))}
              data-testid="close-opportunity-loss-reason"
            />
          </Form.Item>
        )}
        {isLost && (
          <Form.Item
            name="competitorId"
            label={t('lossReason.competitor')}
            hidden={!needsCompetitor}
            rules={needsCompetitor ? [{ required: true, message: t('lossReason.competitorRequired') }] : []}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              allowClear
              loading={competitors.isPending}
              options={(competitors.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              data-testid="close-opportunity-competitor"
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={isWon ? t('closeModal.comment') : isLost ? t('lossReason.note') : t('closeModal.reason')}
          rules={isWon || isLost ? [] : [{ required: true, whitespace: true, message: t('closeModal.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="close-opportunity-text" autoFocus={!isLost} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
