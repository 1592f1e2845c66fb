import type { LossReason } from '@guanxi/contract';
import { Form, Input, InputNumber, Switch } from 'antd';
import { FormModal } from '../../platform/ui/FormModal';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useSaveLossReason } from './competition.queries';

interface LossReasonForm {
  name: string;
  nameEn?: string;
  requiresCompetitor: boolean;
  sortOrder?: number;
}

/** Creates or edits one loss reason (names, "needs the competitor", order). */
export function LossReasonFormModal({
  reason,
  open,
  onClose,
}: {
  reason?: LossReason;
  open: boolean;
  onClose: () => void;
}) {
  const { t, message, form, showServerErrors } = useEditForm<LossReasonForm>();
  const save = useSaveLossReason();
  const submit = (values: LossReasonForm) => {
    const fields = { ...values, nameEn: values.nameEn?.trim() || null };
    save.mutate(reason ? { id: reason.id, body: { ...fields, version: reason.version } } : { body: fields }, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: showServerErrors,
    });
  };
  return (
    <FormModal
      open={open}
      form={form}
      saving={save.isPending}
      onClose={onClose}
      okTestId="loss-reason-save"
      title={reason ? t('lossReason.edit') : t('lossReason.new')}
    >
      <Form<LossReasonForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: reason?.name,
          nameEn: reason?.nameEn ?? undefined,
          requiresCompetitor: reason?.requiresCompetitor ?? false,
          sortOrder: reason?.sortOrder,
        }}
      >
        <Form.Item name="name" label={t('lossReason.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={32} data-testid="loss-reason-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('lossReason.nameEn')}>
          <Input maxLength={48} />
        </Form.Item>
        <Form.Item name="requiresCompetitor" label={t('lossReason.requiresCompetitor')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('lossReason.sortOrder')}>
          <InputNumber min={0} max={1000} precision={0} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
