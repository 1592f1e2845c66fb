import type { Payment } from '@guanxi/contract';
import { Form, Input, Modal } from 'antd';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useVoidPayment } from './payments.queries';

/** 作废回款: the payment stops counting; it stays listed with the reason. */
export function VoidPaymentModal({ payment, onClose }: { payment: Payment | null; onClose: () => void }) {
  const { t, message, form, showServerErrors } = useEditForm<{ reason: string }>();
  const voidPayment = useVoidPayment();
  const submit = ({ reason }: { reason: string }) => {
    if (!payment) return;
    voidPayment.mutate(
      { id: payment.id, reason },
      { onSuccess: () => (void message.success(t('payment.voidOk')), onClose()), onError: showServerErrors },
    );
  };
  return (
    <Modal
      open={payment !== null}
      title={t('payment.voidTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ danger: true, loading: voidPayment.isPending, 'data-testid': 'payment-void-ok' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('payment.voidReason')}
          rules={[{ required: true, whitespace: true, max: 500 }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="payment-void-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
