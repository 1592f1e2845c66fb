import type { ReturnVisitSettings } from '@guanxi/contract';
import { Form, InputNumber } from 'antd';
import { FormModal } from '../../platform/ui/FormModal';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { savedThenClose } from './savedThenClose';
import { ActiveUserSelect } from '../users';
import { usePutReturnVisitSettings } from './returnVisits.queries';

type Values = Pick<ReturnVisitSettings, 'afterOrderDays' | 'afterComplaintDays' | 'lowScore' | 'defaultHandlerId'>;

/** When visits are scheduled, what counts as a low score, and who gets new visits. */
export function ReturnVisitSettingsModal({
  settings,
  onClose,
}: {
  settings: ReturnVisitSettings;
  onClose: () => void;
}) {
  const { t, message, form, showServerErrors } = useEditForm<Values>();
  const afterSave = savedThenClose(message, onClose, showServerErrors);
  const save = usePutReturnVisitSettings();
  const finish = (values: Values) =>
    save.mutate(
      { ...values, defaultHandlerId: values.defaultHandlerId ?? null, version: settings.version },
      afterSave(t('returnVisit.saved')),
    );
  return (
    <FormModal
      open
      form={form}
      saving={save.isPending}
      onClose={onClose}
      title={t('returnVisit.settings')}
      okTestId="return-visit-settings-ok"
    >
      <Form form={form} layout="vertical" initialValues={settings} onFinish={finish}>
        <Form.Item name="afterOrderDays" label={t('returnVisit.afterOrderDays')} extra={t('returnVisit.daysOffHint')}>
          <InputNumber
            min={0}
            max={365}
            precision={0}
            suffix={t('returnVisit.days')}
            data-testid="return-visit-after-order"
          />
        </Form.Item>
        <Form.Item
          name="afterComplaintDays"
          label={t('returnVisit.afterComplaintDays')}
          extra={t('returnVisit.daysOffHint')}
        >
          <InputNumber min={0} max={365} precision={0} suffix={t('returnVisit.days')} />
        </Form.Item>
        <Form.Item name="lowScore" label={t('returnVisit.lowScoreLine')}>
          <InputNumber min={1} max={4} precision={0} suffix={t('returnVisit.points')} />
        </Form.Item>
        <Form.Item name="defaultHandlerId" label={t('returnVisit.defaultHandler')} extra={t('returnVisit.queueHint')}>
          <ActiveUserSelect allowClear placeholder={t('returnVisit.queue')} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
