import { RETURN_VISIT_OUTCOMES, type ReturnVisit, type ReturnVisitOutcome } from '@guanxi/contract';
import { DatePicker, Form, Input, Radio, Rate } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../platform/ui/FormModal';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { savedThenClose } from './savedThenClose';
import { CustomerPicker } from '../../platform/CustomerPicker';
import { orgToday } from '../../platform/orgToday';
import { ActiveUserSelect } from '../users';
import {
  useCancelReturnVisit,
  useCreateReturnVisit,
  useRecordReturnVisit,
  useUpdateReturnVisit,
} from './returnVisits.queries';

interface RecordValues {
  outcome: ReturnVisitOutcome;
  satisfaction?: number;
  notes?: string;
}

/** The call's result: outcome, a 1–5 score when the customer was reached, notes. */
export function RecordVisitModal({ visit, onClose }: { visit: ReturnVisit; onClose: () => void }) {
  const { t, message, form, showServerErrors } = useEditForm<RecordValues>();
  const afterSave = savedThenClose(message, onClose, showServerErrors);
  const record = useRecordReturnVisit();
  const outcome = Form.useWatch('outcome', form);
  const levels = [1, 2, 3, 4, 5].map((n) =>
    t(`returnVisit.satisfactionLevels.s${n}` as 'returnVisit.satisfactionLevels.s1'),
  );
  const finish = (values: RecordValues) =>
    record.mutate(
      {
        id: visit.id,
        body: {
          version: visit.version,
          outcome: values.outcome,
          satisfaction: values.outcome === 'reached' ? (values.satisfaction ?? null) : null,
          notes: values.notes?.trim() || null,
        },
      },
      afterSave(t('returnVisit.recorded')),
    );
  return (
    <FormModal
      open
      form={form}
      saving={record.isPending}
      onClose={onClose}
      title={t('returnVisit.recordTitle', { customerName: visit.customerName })}
      okTestId="return-visit-record-ok"
    >
      <Form form={form} layout="vertical" initialValues={{ outcome: 'reached' }} onFinish={finish}>
        <Form.Item
          name="outcome"
          label={t('returnVisit.outcome')}
          rules={[{ required: true, message: t('returnVisit.outcomeRequired') }]}
        >
          <Radio.Group
            data-testid="return-visit-outcome"
            options={RETURN_VISIT_OUTCOMES.map((o) => ({ value: o, label: t(`returnVisit.outcomes.${o}`) }))}
          />
        </Form.Item>
        {outcome === 'reached' && (
          <Form.Item
            name="satisfaction"
            label={t('returnVisit.satisfaction')}
            rules={[{ required: true, message: t('returnVisit.satisfactionRequired') }]}
          >
            <Rate tooltips={levels} data-testid="return-visit-satisfaction" />
          </Form.Item>
        )}
        <Form.Item name="notes" label={t('returnVisit.notes')}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('returnVisit.notesPlaceholder')} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface EditValues {
  dueDate: Dayjs;
  handlerId?: string | null;
}

/** Another date, another handler, or back to the queue. */
export function EditVisitModal({ visit, onClose }: { visit: ReturnVisit; onClose: () => void }) {
  const { t, message, form, showServerErrors } = useEditForm<EditValues>();
  const afterSave = savedThenClose(message, onClose, showServerErrors);
  const update = useUpdateReturnVisit();
  const finish = (values: EditValues) =>
    update.mutate(
      {
        id: visit.id,
        body: {
          version: visit.version,
          dueDate: values.dueDate.format('YYYY-MM-DD'),
          handlerId: values.handlerId ?? null,
        },
      },
      afterSave(t('returnVisit.saved')),
    );
  return (
    <FormModal
      open
      form={form}
      saving={update.isPending}
      onClose={onClose}
      title={t('returnVisit.editTitle', { customerName: visit.customerName })}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ dueDate: dayjs(visit.dueDate), handlerId: visit.handlerId }}
        onFinish={finish}
      >
        <Form.Item
          name="dueDate"
          label={t('returnVisit.dueDate')}
          rules={[{ required: true, message: t('returnVisit.dueDateRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="handlerId" label={t('returnVisit.handler')} extra={t('returnVisit.queueHint')}>
          <ActiveUserSelect allowClear placeholder={t('returnVisit.queue')} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** Cancels an open visit; the reason is kept. */
export function CancelVisitModal({ visit, onClose }: { visit: ReturnVisit; onClose: () => void }) {
  const { t, message, form, showServerErrors } = useEditForm<{ reason: string }>();
  const afterSave = savedThenClose(message, onClose, showServerErrors);
  const cancel = useCancelReturnVisit();
  return (
    <FormModal
      open
      danger
      form={form}
      saving={cancel.isPending}
      onClose={onClose}
      title={t('returnVisit.cancelTitle', { customerName: visit.customerName })}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={({ reason }) =>
          cancel.mutate(
            { id: visit.id, body: { version: visit.version, reason: reason.trim() } },
            afterSave(t('returnVisit.cancelled')),
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('returnVisit.cancelReason')}
          rules={[{ required: true, whitespace: true, message: t('returnVisit.cancelReasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface CreateValues {
  customerId: string;
  dueDate: Dayjs;
  handlerId?: string | null;
  notes?: string;
}

/** A visit scheduled by hand (a customer asked to be called back). */
export function CreateVisitModal({ onClose, customerId }: { onClose: () => void; customerId?: string }) {
  const { t, message, form, showServerErrors } = useEditForm<CreateValues>();
  const afterSave = savedThenClose(message, onClose, showServerErrors);
  const create = useCreateReturnVisit();
  const finish = (values: CreateValues) =>
    create.mutate(
      {
        customerId: values.customerId,
        dueDate: values.dueDate.format('YYYY-MM-DD'),
        handlerId: values.handlerId ?? null,
        notes: values.notes?.trim() || null,
      },
      afterSave(t('returnVisit.saved')),
    );
  return (
    <FormModal
      open
      form={form}
      saving={create.isPending}
      onClose={onClose}
      title={t('returnVisit.new')}
      okTestId="return-visit-create-ok"
    >
      <Form form={form} layout="vertical" initialValues={{ dueDate: orgToday(), customerId }} onFinish={finish}>
        <Form.Item
          name="customerId"
          label={t('returnVisit.customer')}
          rules={[{ required: true, message: t('returnVisit.customerRequired') }]}
        >
          <CustomerPicker data-testid="return-visit-customer" />
        </Form.Item>
        <Form.Item
          name="dueDate"
          label={t('returnVisit.dueDate')}
          rules={[{ required: true, message: t('returnVisit.dueDateRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="handlerId" label={t('returnVisit.handler')} extra={t('returnVisit.queueHint')}>
          <ActiveUserSelect allowClear placeholder={t('returnVisit.queue')} />
        </Form.Item>
        <Form.Item name="notes" label={t('returnVisit.notes')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
