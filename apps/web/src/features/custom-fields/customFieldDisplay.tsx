import type { CustomFieldDefinition, CustomFieldEntity, CustomFieldValues } from '@guanxi/contract';
import { Descriptions, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatMoney } from '../../platform/money';
import { useMe } from '../../platform/session.queries';
import { useColleagues } from '../users';
import { accessOf, labelOf, optionLabelOf } from './customFieldValues';
import { useLiveCustomFields } from './customFields.queries';

/** A custom value as people read it: option labels, ¥ amounts, dates, colleagues by name — never codes. */
export function useCustomFieldText() {
  const { t, i18n } = useTranslation();
  const formatMoney = useFormatMoney();
  const colleagues = useColleagues();
  const names = new Map((colleagues.data ?? []).map((user) => [user.id, user.displayName]));
  return (field: CustomFieldDefinition, value: unknown): string | null => {
    if (value === undefined || value === null || value === '') return null;
    switch (field.type) {
      case 'select':
        return optionLabelOf(field, String(value), i18n.language);
      case 'multiselect':
        return Array.isArray(value)
          ? value.map((v) => optionLabelOf(field, String(v), i18n.language)).join('、')
          : null;
      case 'money':
        return typeof value === 'number' ? formatMoney(value) : null;
      case 'number':
        return typeof value === 'number' ? value.toLocaleString(i18n.language) : null;
      case 'person':
        return colleagues.isPending ? '' : (names.get(String(value)) ?? t('customField.formerColleague'));
      default:
        return String(value);
    }
  };
}

/** Descriptions items of a record's custom fields shown on its detail page (hidden ones left out). */
export function useCustomFieldDescriptionItems(
  entity: CustomFieldEntity,
  values: CustomFieldValues | undefined,
): NonNullable<DescriptionsProps['items']> {
  const { i18n } = useTranslation();
  const permissions = useMe().data?.fieldPermissions ?? {};
  const fields = useLiveCustomFields(entity).data;
  const text = useCustomFieldText();
  return fields
    .filter((field) => field.showOnDetail && accessOf(permissions, field) !== 'hidden')
    .map((field) => ({
      key: `custom.${field.key}`,
      label: labelOf(field, i18n.language),
      children: text(field, values?.[field.key]) ?? '—',
    }));
}

/** Whether the record type has custom fields the user sees on a record's detail. */
export function useHasCustomFieldDetails(entity: CustomFieldEntity): boolean {
  const permissions = useMe().data?.fieldPermissions ?? {};
  return useLiveCustomFields(entity).data.some((f) => f.showOnDetail && accessOf(permissions, f) !== 'hidden');
}

/** A record's custom values by label, for records shown without a detail page of their own (a contact). */
export function CustomFieldDescriptions({
  entity,
  values,
  testId,
}: {
  entity: CustomFieldEntity;
  values: CustomFieldValues | undefined;
  testId?: string;
}) {
  const items = useCustomFieldDescriptionItems(entity, values);
  if (items.length === 0) return null;
  return <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} data-testid={testId} />;
}
