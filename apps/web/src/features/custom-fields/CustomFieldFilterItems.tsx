import type { CustomFieldDefinition, CustomFieldEntity } from '@guanxi/contract';
import { DatePicker, Form, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../platform/session.queries';
import { AppliedTextFilter } from '../../platform/ui/AppliedTextFilter';
import { MoneyInput } from '../../platform/ui/MoneyInput';
import { ActiveUserSelect } from '../users';
import { fenToYuan, yuanToFen } from '@guanxi/contract';
import { accessOf, labelOf, optionLabelOf } from './customFieldValues';
import { useLiveCustomFields } from './customFields.queries';

function FilterInput(props: { field: CustomFieldDefinition; value?: string; onApply: (v?: string) => void }) {
  const { field, value, onApply } = props;
  const { t, i18n } = useTranslation();
  const testId = `customer-filter-cf-${field.key}`;
  const placeholder = t('common.all');
  switch (field.type) {
    case 'select':
    case 'multiselect':
      return (
        <Select
          allowClear
          value={value}
          placeholder={placeholder}
          options={field.options.map((o) => ({ value: o.value, label: optionLabelOf(field, o.value, i18n.language) }))}
          onChange={(next?: string) => onApply(next)}
          data-testid={testId}
        />
      );
    case 'person':
      return (
        <ActiveUserSelect
          allowClear
          value={value}
          placeholder={placeholder}
          onChange={(next) => onApply(typeof next === 'string' ? next : undefined)}
          data-testid={testId}
        />
      );
    case 'date':
      return (
        <DatePicker
          style={{ width: '100%' }}
          value={value ? dayjs(value) : null}
          onChange={(day) => onApply(day ? day.format('YYYY-MM-DD') : undefined)}
          data-testid={testId}
        />
      );
    case 'money':
      return (
        <MoneyInput
          currency="CNY"
          value={value ? fenToYuan(Number(value)) : undefined}
          onChange={(next) => onApply(next ? String(yuanToFen(next) ?? '') || undefined : undefined)}
          data-testid={testId}
        />
      );
    case 'number':
      return (
        <InputNumber<number>
          style={{ width: '100%' }}
          value={value === undefined ? null : Number(value)}
          onChange={(next) => onApply(next === null ? undefined : String(next))}
          data-testid={testId}
        />
      );
    default:
      return (
        <AppliedTextFilter
          key={value ?? ''}
          value={value}
          onApply={onApply}
          placeholder={t('customField.filterValue')}
          maxLength={100}
          testId={testId}
        />
      );
  }
}

/**
 * One filter per live custom field the user may see, for a list's filter panel: select, person,
 * number, amount and date match exactly, text contains. The filters are `key:value` entries of `cf`.
 */
export function CustomFieldFilterItems({
  entity,
  value,
  onChange,
}: {
  entity: CustomFieldEntity;
  value: readonly string[] | undefined;
  onChange: (next: string[] | undefined) => void;
}) {
  const { i18n } = useTranslation();
  const permissions = useMe().data?.fieldPermissions ?? {};
  const fields = useLiveCustomFields(entity).data.filter((field) => accessOf(permissions, field) !== 'hidden');
  const current = value ?? [];
  const valueOf = (key: string) => current.find((entry) => entry.startsWith(`${key}:`))?.slice(key.length + 1);
  const apply = (key: string, next?: string) => {
    const rest = current.filter((entry) => !entry.startsWith(`${key}:`));
    const all = next ? [...rest, `${key}:${next}`] : rest;
    onChange(all.length > 0 ? all : undefined);
  };
  return (
    <>
      {fields.map((field) => (
        <Form.Item key={field.key} label={labelOf(field, i18n.language)}>
          <FilterInput field={field} value={valueOf(field.key)} onApply={(next) => apply(field.key, next)} />
        </Form.Item>
      ))}
    </>
  );
}
