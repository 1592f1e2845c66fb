import { Col, DatePicker, Form, Input, Radio, Row, Select, type FormInstance, type FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PHONE_INPUT_LENGTH } from '../../platform/phoneRules';
import { CustomFieldsFormSection } from '../custom-fields';
import { DuplicateAlert } from './DuplicateAlert';
import { RegionCascader } from './RegionCascader';
import { customerFieldRules } from './customerFieldRules';
import { fieldFitsKind, type CustomerFormValues, type EditableField } from './customerFields';
import { useCustomerOptions } from './customerOptions';
import { useDuplicateOnBlur } from './useDuplicateOnBlur';

/** The fields laid out one input each; the region code is set by the region cascader. */
type FormField = Exclude<EditableField, 'regionCode'>;

interface CustomerFormProps {
  form: FormInstance<CustomerFormValues>;
  isCreate: boolean;
  /** The customer being edited, left out of the duplicate check. */
  customerId?: string;
  /** Whether a field is shown at all, and whether it can be changed. */
  isVisible: (field: EditableField) => boolean;
  canEdit: (field: EditableField) => boolean;
  /** Values to start from when editing; a new customer starts as a company prospect. */
  initialValues?: CustomerFormValues;
  onFinish: (values: CustomerFormValues) => void;
}

/**
 * The customer fields — a company's or a person's, by kind. Client rules catch typos early; the
 * server remains the judge, and its field errors are put next to the same fields by the caller.
 * Name, phone, email and credit code run the duplicate check when they lose focus.
 */
export function CustomerForm(props: CustomerFormProps) {
  const { form, isCreate, customerId, isVisible, canEdit, initialValues, onFinish } = props;
  const { t } = useTranslation();
  const options = useCustomerOptions(initialValues);
  const kind = Form.useWatch('kind', form) ?? initialValues?.kind ?? 'company';
  const duplicates = useDuplicateOnBlur(form, customerId);
  const isPerson = kind === 'person';
  const rules = customerFieldRules(t, kind);

  const item = (field: FormField, input: ReactNode, rules?: FormRule[], label?: string) =>
    isVisible(field) &&
    fieldFitsKind(field, kind) && (
      <Form.Item name={field} label={label ?? t(`customer.${field}`)} rules={rules}>
        {input}
      </Form.Item>
    );
  const text = (field: EditableField, max: number, testId?: string, onBlur?: () => void) => (
    <Input maxLength={max} disabled={!canEdit(field)} data-testid={testId} onBlur={onBlur} />
  );
  // The organization's dictionaries (levels, sources, industries): searchable by name.
  const dictionarySelect = (field: 'tier' | 'source' | 'industry', choices: { value: string; label: string }[]) => (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      options={choices}
      popupMatchSelectWidth={false}
      disabled={!canEdit(field)}
      data-testid={`customer-${field}`}
    />
  );
  const col = (node: ReactNode) => node && <Col span={12}>{node}</Col>;
  const birthday = isVisible('birthday') && isPerson && (
    <Form.Item
      name="birthday"
      label={t('customer.birthday')}
      getValueProps={(value: string | null | undefined) => ({ value: value ? dayjs(value) : null })}
      normalize={(value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null)}
    >
      <DatePicker style={{ width: '100%' }} disabled={!canEdit('birthday')} data-testid="customer-birthday" />
    </Form.Item>
  );

  return (
    <Form<CustomerFormValues>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={initialValues ?? { kind: 'company', name: '', stage: 'prospect', tags: [] }}
    >
      <DuplicateAlert matches={duplicates.matches} />
      {item(
        'kind',
        <Radio.Group
          options={options.kinds}
          optionType="button"
          disabled={!canEdit('kind')}
          data-testid="customer-kind"
        />,
      )}
      {item('name', text('name', 100, 'customer-name', duplicates.check), rules.name)}
      <Row gutter={16}>
        {col(
          item(
            'phone',
            text('phone', PHONE_INPUT_LENGTH, 'customer-phone', duplicates.check),
            rules.phone,
            isPerson ? t('customer.mobile') : undefined,
          ),
        )}
        {col(item('email', text('email', 254, 'customer-email', duplicates.check), rules.email))}
        {col(item('creditCode', text('creditCode', 18, 'customer-credit-code', duplicates.check), rules.creditCode))}
        {col(item('industry', dictionarySelect('industry', options.industries)))}
        {col(
          item(
            'scale',
            <Select allowClear options={options.scales} disabled={!canEdit('scale')} data-testid="customer-scale" />,
          ),
        )}
        {col(item('website', text('website', 200, 'customer-website'), rules.website))}
        {col(
          item(
            'gender',
            <Select allowClear options={options.genders} disabled={!canEdit('gender')} data-testid="customer-gender" />,
          ),
        )}
        {col(birthday)}
        {col(item('tier', dictionarySelect('tier', options.tiers)))}
        {col(item('source', dictionarySelect('source', options.sources)))}
      </Row>
      {isPerson ? (
        <Row gutter={16}>
          <Col span={12}>{item('city', text('city', 50, 'customer-city'))}</Col>
        </Row>
      ) : (
        isVisible('province') && (
          <>
            {/* A company's region: one cascader over the national division codes, names and code kept together. */}
            <Form.Item label={t('customer360.region')}>
              <RegionCascader form={form} disabled={!canEdit('province') || !canEdit('regionCode')} />
            </Form.Item>
            {(['province', 'city', 'district', 'regionCode'] as const).map((field) => (
              <Form.Item key={field} name={field} hidden>
                <Input />
              </Form.Item>
            ))}
          </>
        )
      )}
      {isCreate && (
        <Form.Item name="stage" label={t('customer.stage')}>
          <Select options={options.stages} />
        </Form.Item>
      )}
      {item(
        'tags',
        <Select
          mode="tags"
          maxCount={20}
          placeholder={t('customer.tagsPlaceholder')}
          disabled={!canEdit('tags')}
          data-testid="customer-tags"
        />,
      )}
      {item('address', text('address', 200))}
      {item('remarks', <Input.TextArea rows={3} maxLength={2000} showCount disabled={!canEdit('remarks')} />)}
      <CustomFieldsFormSection entity="customer" />
    </Form>
  );
}
