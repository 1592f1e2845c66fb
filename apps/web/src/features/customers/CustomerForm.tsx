import { PHONE_PATTERN } from '@guanxi/contract';
import { Col, Form, Input, Radio, Row, Select, type FormInstance, type FormRule } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerFormValues, EditableField } from './customerFields';
import { useCustomerOptions } from './customerOptions';

const PHONE = new RegExp(PHONE_PATTERN);

interface CustomerFormProps {
  form: FormInstance<CustomerFormValues>;
  isCreate: boolean;
  /** Whether a field is shown at all, and whether it can be changed. */
  isVisible: (field: EditableField) => boolean;
  canEdit: (field: EditableField) => boolean;
  /** Values to start from when editing; a new customer starts as a company prospect. */
  initialValues?: CustomerFormValues;
  onFinish: (values: CustomerFormValues) => void;
}

/**
 * The customer fields. Client rules catch typos early; the server remains the judge, and its
 * field errors are put next to the same fields by the caller.
 */
export function CustomerForm({ form, isCreate, isVisible, canEdit, initialValues, onFinish }: CustomerFormProps) {
  const { t } = useTranslation();
  const options = useCustomerOptions();

  const item = (field: EditableField, input: ReactNode, rules?: FormRule[]) =>
    isVisible(field) && (
      <Form.Item name={field} label={t(`customer.${field}`)} rules={rules}>
        {input}
      </Form.Item>
    );

  return (
    <Form<CustomerFormValues>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={initialValues ?? { kind: 'company', name: '', stage: 'prospect' }}
    >
      {item('kind', <Radio.Group options={options.kinds} optionType="button" disabled={!canEdit('kind')} />)}
      {item('name', <Input maxLength={100} data-testid="customer-name" disabled={!canEdit('name')} />, [
        { required: true, whitespace: true, message: t('customer.nameRequired') },
      ])}
      <Row gutter={16}>
        <Col span={12}>
          {item('phone', <Input data-testid="customer-phone" disabled={!canEdit('phone')} />, [
            { pattern: PHONE, message: t('customer.phoneInvalid') },
          ])}
        </Col>
        <Col span={12}>
          {item('email', <Input maxLength={254} disabled={!canEdit('email')} />, [
            { type: 'email', message: t('customer.emailInvalid') },
          ])}
        </Col>
        <Col span={12}>{item('industry', <Input maxLength={50} disabled={!canEdit('industry')} />)}</Col>
        <Col span={12}>{item('city', <Input maxLength={50} disabled={!canEdit('city')} />)}</Col>
        <Col span={12}>{item('tier', <Select allowClear options={options.tiers} disabled={!canEdit('tier')} />)}</Col>
        <Col span={12}>
          {item('source', <Select allowClear options={options.sources} disabled={!canEdit('source')} />)}
        </Col>
      </Row>
      {isCreate && (
        <Form.Item name="stage" label={t('customer.stage')}>
          <Select options={options.stages} />
        </Form.Item>
      )}
      {item('address', <Input maxLength={200} disabled={!canEdit('address')} />)}
      {item('remarks', <Input.TextArea rows={3} maxLength={2000} showCount disabled={!canEdit('remarks')} />)}
    </Form>
  );
}
