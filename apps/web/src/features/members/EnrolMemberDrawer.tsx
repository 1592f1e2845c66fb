import { App, DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CustomerPicker } from '../../platform/CustomerPicker';
import { useHasPermission } from '../../platform/session.queries';
import { FormDrawer } from '../../platform/ui/FormDrawer';
import { SaveCancelActions } from '../../platform/ui/FormActions';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { useDepartments } from '../departments';
import { useEnrolMember } from './members.queries';

interface EnrolValues {
  customerId: string;
  cardNo?: string;
  joinedOn?: Dayjs;
  storeId?: string;
}

/** 办理入会: a person customer becomes a member (from the member list, or preset from a customer page). */
export function EnrolMemberDrawer({
  open,
  onClose,
  customerId,
}: {
  open: boolean;
  onClose: (memberId?: string) => void;
  customerId?: string;
}) {
  const { t } = useTranslation();
  return (
    <FormDrawer open={open} onClose={() => onClose()} title={t('member.enrolTitle')} size={440}>
      <EnrolForm customerId={customerId} onDone={onClose} />
    </FormDrawer>
  );
}

function EnrolForm({ customerId, onDone }: { customerId?: string; onDone: (memberId?: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EnrolValues>();
  const showError = useServerFieldErrors(form);
  const enrol = useEnrolMember();
  const canSeeDepartments = useHasPermission('departments.view');
  const departments = useDepartments({ enabled: canSeeDepartments });
  const submit = (values: EnrolValues) =>
    enrol.mutate(
      {
        customerId: values.customerId,
        ...(values.cardNo?.trim() ? { cardNo: values.cardNo.trim() } : {}),
        ...(values.joinedOn ? { joinedOn: values.joinedOn.format('YYYY-MM-DD') } : {}),
        ...(values.storeId ? { storeId: values.storeId } : {}),
      },
      {
        onSuccess: (member) => {
          void message.success(t('member.enrolled', { memberNo: member.memberNo }));
          onDone(member.id);
        },
        onError: showError,
      },
    );
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ customerId }}
      data-testid="member-enrol-form"
    >
      <Typography.Paragraph type="secondary">{t('member.enrolHint')}</Typography.Paragraph>
      {customerId ? (
        <Form.Item name="customerId" hidden>
          <Input />
        </Form.Item>
      ) : (
        <Form.Item
          name="customerId"
          label={t('member.customer')}
          rules={[{ required: true, message: t('member.levels.required') }]}
        >
          <CustomerPicker data-testid="member-enrol-customer" />
        </Form.Item>
      )}
      <Form.Item name="cardNo" label={t('member.cardNo')}>
        <Input maxLength={40} data-testid="member-enrol-card" />
      </Form.Item>
      <Form.Item name="joinedOn" label={t('member.joinedOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      {canSeeDepartments && (
        <Form.Item name="storeId" label={t('member.store')}>
          <Select
            allowClear
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            data-testid="member-enrol-store"
          />
        </Form.Item>
      )}
      <SaveCancelActions saving={enrol.isPending} onCancel={() => onDone()} testId="member-enrol-save" />
    </Form>
  );
}
