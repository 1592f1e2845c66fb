import { fenToYuan, MAX_AMOUNT_FEN, yuanToFen } from '@guanxi/contract';
import { Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { usePutCustomerCredit } from './orders.queries';
import { FormModal } from '../../platform/ui/FormModal';

interface CreditEditModalProps {
  customerId: string;
  current: { limitFen: number | null; termDays: number | null; version: number };
  onClose: () => void;
}

interface FormValues {
  /** Yuan as typed (string mode, no float); sent as fen. */
  limit: string;
  termDays: number;
}

/** Sets a customer's credit limit and payment term (credit.manage). */
export function CreditEditModal({ customerId, current, onClose }: CreditEditModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const showServerErrors = useServerFieldErrors(form, { limitFen: 'limit' });
  const save = usePutCustomerCredit(customerId);
  const submit = (values: FormValues) => {
    const limitFen = yuanToFen(String(values.limit));
    if (limitFen === null) return;
    save.mutate(
      { limitFen, termDays: values.termDays, version: current.version },
      { onSuccess: onClose, onError: showServerErrors },
    );
  };
  return (
    <FormModal
      form={form}
      open
      title={t('credit.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      saving={save.isPending}
      onClose={onClose}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          limit: current.limitFen === null ? undefined : fenToYuan(current.limitFen),
          termDays: current.termDays ?? 30,
        }}
        data-testid="credit-form"
      >
        <Form.Item
          name="limit"
          label={t('credit.limitYuan')}
          rules={[
            { required: true },
            {
              validator: (_, value: string | null | undefined) =>
                !value || yuanToFen(String(value)) !== null
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('order.priceInvalid'))),
            },
          ]}
        >
          <InputNumber<string>
            stringMode
            min="0"
            max={fenToYuan(MAX_AMOUNT_FEN)}
            precision={2}
            style={{ width: '100%' }}
            data-testid="credit-limit"
          />
        </Form.Item>
        <Form.Item name="termDays" label={t('credit.term')} rules={[{ required: true }]}>
          <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
