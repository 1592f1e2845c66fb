import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface ReasonModalProps {
  open: boolean;
  title: string;
  label: string;
  hint?: string;
  loading?: boolean;
  onOk: (reason: string) => void;
  onCancel: () => void;
}

/** Asks for a required reason (cancel, credit override). */
export function ReasonModal({ open, title, label, hint, loading, onOk, onCancel }: ReasonModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      onOk={() => void form.validateFields().then((v) => onOk(v.reason.trim()))}
      onCancel={onCancel}
      destroyOnHidden
    >
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="order-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
