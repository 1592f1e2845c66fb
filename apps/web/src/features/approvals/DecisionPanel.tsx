import type { ApprovalRequestDetail } from '@guanxi/contract';
import { Button, Card, Form, Input, Space } from 'antd';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useDecideApproval } from './approvals.queries';

/**
 * Approve or reject right on the card, with the comment beside the facts. Rejecting needs a
 * comment (the submitter has to learn why); approving does not.
 */
export function DecisionPanel({ request }: { request: ApprovalRequestDetail }) {
  const { t, message, form, showServerErrors } = useEditForm<{ comment?: string }>();
  const decide = useDecideApproval();

  const send = async (action: 'approve' | 'reject') => {
    const fields = action === 'reject' ? await form.validateFields().catch(() => null) : form.getFieldsValue();
    if (!fields) return;
    const comment = fields.comment?.trim();
    decide.mutate(
      { id: request.id, action, ...(comment ? { comment } : {}) },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t(action === 'reject' ? 'approvalInbox.rejected' : 'approvalInbox.approved'));
        },
        onError: showServerErrors,
      },
    );
  };

  return (
    <Card size="small" title={t('approvalCard.decide')} data-testid="approval-card-decision">
      <Form form={form} layout="vertical">
        <Form.Item
          name="comment"
          rules={[{ required: true, whitespace: true, message: t('approvalInbox.commentRequired') }]}
          // The rule is checked only when rejecting (validateFields above); approving sends the text as is.
          validateTrigger={[]}
        >
          <Input.TextArea
            rows={2}
            maxLength={500}
            showCount
            placeholder={t('approvalCard.commentPlaceholder')}
            aria-label={t('approvalInbox.comment')}
            data-testid="approval-card-comment"
          />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            loading={decide.isPending && decide.variables?.action === 'approve'}
            disabled={decide.isPending}
            onClick={() => void send('approve')}
            data-testid="approval-card-approve"
          >
            {t('approvalInbox.approve')}
          </Button>
          <Button
            danger
            loading={decide.isPending && decide.variables?.action === 'reject'}
            disabled={decide.isPending}
            onClick={() => void send('reject')}
            data-testid="approval-card-reject"
          >
            {t('approvalInbox.reject')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
