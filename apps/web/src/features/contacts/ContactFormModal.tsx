import {
  CONTACT_WRITABLE_FIELDS,
  GENDERS,
  type Contact,
  type ContactWritableField,
  type CreateContactBody,
} from '@guanxi/contract';
import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { PHONE_INPUT_LENGTH, phoneRule } from '../../platform/phoneRules';
import { useCreateContact, useUpdateContact } from './contacts.queries';
import { FormModal } from '../../platform/ui/FormModal';
import { useMe } from '../../platform/session.queries';
import { CustomFieldsFormSection, customFieldAccessOf, toCustomFieldBody, useLiveCustomFields } from '../custom-fields';

/** What the form holds: a create body's fields (the customer is the page's). */
type ContactFormValues = Omit<CreateContactBody, 'customerId'>;

/** Free-text fields: trimmed, and sent as null when empty; the others have rules of their own. */
type TextField = Exclude<ContactWritableField, 'customerId' | 'name' | 'gender' | 'isPrimary' | 'isDecisionMaker'>;
const OWN_RULES: readonly ContactWritableField[] = ['customerId', 'name', 'gender', 'isPrimary', 'isDecisionMaker'];
const TEXT = CONTACT_WRITABLE_FIELDS.filter((field): field is TextField => !OWN_RULES.includes(field));

/** Only what changed is sent on edit, so hidden (protected) fields are never written back. */
function toBody(values: ContactFormValues, original?: Contact): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const set = (key: string, value: unknown, before: unknown) => {
    if (!original || value !== (before ?? null)) body[key] = value;
  };
  set('name', values.name.trim(), original?.name);
  for (const key of TEXT) {
    if (original && !(key in original)) continue;
    set(key, values[key]?.trim() || null, original?.[key]);
  }
  set('gender', values.gender ?? null, original?.gender);
  set('isPrimary', values.isPrimary ?? false, original?.isPrimary);
  set('isDecisionMaker', values.isDecisionMaker ?? false, original?.isDecisionMaker);
  return body;
}

export function ContactFormModal({
  customerId,
  contact,
  open,
  onClose,
}: {
  customerId: string;
  contact?: Contact;
  open: boolean;
  onClose: () => void;
}) {
  const { t, message, form, showServerErrors: showErrors } = useEditForm<ContactFormValues>();
  const create = useCreateContact();
  const update = useUpdateContact();
  const shows = (key: TextField) => !contact || key in contact;
  const permissions = useMe().data?.fieldPermissions ?? {};
  const liveFields = useLiveCustomFields('contact').data;

  const submit = (values: ContactFormValues) => {
    const done = { onSuccess: () => (void message.success(t('common.saved')), onClose()), onError: showErrors };
    const customFields = toCustomFieldBody({
      fields: liveFields,
      values: values.customFields,
      original: contact?.customFields,
      canEdit: (field) => customFieldAccessOf(permissions, field) === 'edit',
    });
    const body = { ...toBody(values, contact), ...(customFields ? { customFields } : {}) };
    if (contact) update.mutate({ id: contact.id, body: { ...body, version: contact.version } }, done);
    else create.mutate({ ...body, customerId } as Parameters<typeof create.mutate>[0], done);
  };

  const text = (key: TextField, max: number, rules?: object[]) =>
    shows(key) && (
      <Col span={12}>
        <Form.Item name={key} label={t(`contact.${key}`)} rules={rules}>
          <Input maxLength={max} data-testid={`contact-${key}`} />
        </Form.Item>
      </Col>
    );

  return (
    <FormModal
      form={form}
      open={open}
      title={contact ? t('contact.edit') : t('contact.new')}
      onClose={onClose}
      saving={create.isPending || update.isPending}
      okTestId="contact-submit"
      width={640}
    >
      <Form<ContactFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={contact ? { ...contact, gender: contact.gender ?? undefined } : { isPrimary: false }}
        preserve={false}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="name"
              label={t('contact.name')}
              rules={[{ required: true, whitespace: true, message: t('contact.nameRequired') }]}
            >
              <Input maxLength={50} data-testid="contact-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="gender" label={t('contact.gender')}>
              <Select allowClear options={GENDERS.map((value) => ({ value, label: t(`gender.${value}`) }))} />
            </Form.Item>
          </Col>
          {text('title', 50)}
          {text('department', 50)}
          {text('mobile', PHONE_INPUT_LENGTH, [phoneRule(t('contact.mobileInvalid'), 'mobile')])}
          {text('email', 254, [{ type: 'email', message: t('contact.emailInvalid') }])}
          {text('wechat', 50)}
        </Row>
        {shows('remarks') && (
          <Form.Item name="remarks" label={t('contact.remarks')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
        <CustomFieldsFormSection entity="contact" />
        <Form.Item name="isPrimary" valuePropName="checked" noStyle>
          <Checkbox data-testid="contact-primary">{t('contact.isPrimary')}</Checkbox>
        </Form.Item>
        <Form.Item name="isDecisionMaker" valuePropName="checked" noStyle>
          <Checkbox data-testid="contact-decision-maker">{t('contact.isDecisionMaker')}</Checkbox>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
