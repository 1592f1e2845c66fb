import { fenToYuan, yuanToFen, type CustomFieldDefinition, type CustomFieldEntity } from '@guanxi/contract';
import { Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../platform/session.queries';
import { MoneyInput } from '../../platform/ui/MoneyInput';
import { ActiveUserSelect } from '../users';
import { accessOf, labelOf, optionLabelOf } from './customFieldValues';
import { useLiveCustomFields } from './customFields.queries';

/** The input of one field; the form holds the stored value (fen, `YYYY-MM-DD`, option values, a user id). */
function inputOf(field: CustomFieldDefinition, disabled: boolean, locale: string, testId: string): ReactNode {
  const options = (held: boolean) =>
    field.options
      .filter((o) => o.active || held)
      .map((o) => ({ value: o.value, label: optionLabelOf(field, o.value, locale), disabled: !o.active }));
  switch (field.type) {
    case 'number':
      return <InputNumber style={{ width: '100%' }} disabled={disabled} data-testid={testId} />;
    case 'money':
      return <MoneyInput currency="CNY" disabled={disabled} data-testid={testId} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} disabled={disabled} data-testid={testId} />;
    case 'select':
      return <Select allowClear options={options(disabled)} disabled={disabled} data-testid={testId} />;
    case 'multiselect':
      return <Select mode="multiple" allowClear options={options(disabled)} disabled={disabled} data-testid={testId} />;
    case 'person':
      return <ActiveUserSelect allowClear disabled={disabled} data-testid={testId} />;
    default:
      return <Input maxLength={2000} disabled={disabled} data-testid={testId} />;
  }
}

/** Stored value ↔ what the antd input shows: money in yuan, dates as dayjs. */
function valueAdapters(field: CustomFieldDefinition) {
  if (field.type === 'money') {
    return {
      getValueProps: (value: unknown) => ({ value: typeof value === 'number' ? fenToYuan(value) : undefined }),
      normalize: (value: string | null) => (value ? yuanToFen(value) : null),
    };
  }
  if (field.type === 'date') {
    return {
      getValueProps: (value: unknown) => ({ value: typeof value === 'string' ? dayjs(value) : null }),
      normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
    };
  }
  return {};
}

/**
 * The record type's live custom fields in a form section "自定义字段", under `customFields.<key>`:
 * hidden ones left out, read-only ones disabled. Renders nothing when the record type has none.
 */
export function CustomFieldsFormSection({ entity }: { entity: CustomFieldEntity }) {
  const { t, i18n } = useTranslation();
  const permissions = useMe().data?.fieldPermissions ?? {};
  const fields = useLiveCustomFields(entity).data.filter((field) => accessOf(permissions, field) !== 'hidden');
  if (fields.length === 0) return null;
  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('customField.section')}
      </Divider>
      <Row gutter={16}>
        {fields.map((field) => {
          const disabled = accessOf(permissions, field) !== 'edit';
          const wide = field.type === 'text' || field.type === 'multiselect';
          return (
            <Col key={field.key} xs={24} sm={wide ? 24 : 12}>
              <Form.Item
                name={['customFields', field.key]}
                label={labelOf(field, i18n.language)}
                rules={field.required && !disabled ? [{ required: true }] : undefined}
                {...valueAdapters(field)}
              >
                {inputOf(field, disabled, i18n.language, `custom-field-${field.key}`)}
              </Form.Item>
            </Col>
          );
        })}
      </Row>
    </>
  );
}
