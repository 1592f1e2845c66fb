import type { BulkCustomerResult } from '@guanxi/contract';
import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { useStaleBulkAction, type StaleAction } from './stale.queries';
import { FormModal } from '../../platform/ui/FormModal';

/** Asks for the required reason, then runs the bulk action on the chosen customers. */
export function StaleActionModal({
  action,
  customerIds,
  onClose,
  onDone,
}: {
  action: StaleAction | null;
  customerIds: string[];
  onClose: () => void;
  onDone: (result: BulkCustomerResult) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const showErrors = useServerFieldErrors(form);
  const bulk = useStaleBulkAction();
  const count = customerIds.length;

  const submit = ({ reason }: { reason: string }) => {
    if (!action) return;
    bulk.mutate(
      { action, body: { customerIds, reason: reason.trim() } },
      { onSuccess: (result) => (onDone(result), onClose()), onError: showErrors },
    );
  };

  return (
    <FormModal
      form={form}
      open={action !== null}
      title={action === 'mark-lost' ? t('stale.confirmLost', { count }) : t('stale.confirmReturn', { count })}
      onClose={onClose}
      saving={bulk.isPending}
      danger={action === 'mark-lost'}
      okTestId="stale-submit"
    >
      {action === 'mark-lost' && (
        <Alert type="info" showIcon title={t('stale.lostHint')} style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="reason"
          label={t('stale.reason')}
          rules={[{ required: true, whitespace: true, message: t('stale.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus data-testid="stale-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
