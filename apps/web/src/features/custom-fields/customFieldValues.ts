import {
  customFieldAccess,
  customFieldLabel,
  type CustomFieldDefinition,
  type CustomFieldValue,
  type CustomFieldValues,
  type FieldAccess,
  type FieldPermissions,
} from '@guanxi/contract';

export const accessOf = (permissions: FieldPermissions, field: CustomFieldDefinition): FieldAccess =>
  customFieldAccess(permissions, field.entity, field.key);

export const labelOf = (field: Pick<CustomFieldDefinition, 'label' | 'labelEn'>, locale: string) =>
  customFieldLabel(field, locale);

export const optionLabelOf = (field: CustomFieldDefinition, value: string, locale: string): string => {
  const option = field.options.find((o) => o.value === value);
  if (!option) return value;
  return locale === 'en' ? option.labelEn || option.label : option.label;
};

/** The form holds values as stored (money in fen, dates as text); empty inputs become null. */
function stored(value: CustomFieldValue | undefined): CustomFieldValue {
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value)) return value.length > 0 ? value : null;
  if (typeof value === 'string') return value.trim() || null;
  return value;
}

const same = (a: CustomFieldValue | undefined, b: CustomFieldValue | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The custom values a create or edit sends: only fields the user may edit, and on an edit only
 * those that changed (read-only and hidden ones are never sent back). Undefined when none.
 */
export function toCustomFieldBody(options: {
  fields: readonly CustomFieldDefinition[];
  values: CustomFieldValues | undefined;
  original?: CustomFieldValues;
  canEdit: (field: CustomFieldDefinition) => boolean;
}): CustomFieldValues | undefined {
  const body: CustomFieldValues = {};
  for (const field of options.fields) {
    if (!options.canEdit(field)) continue;
    const value = stored(options.values?.[field.key]);
    if (options.original ? same(value, options.original[field.key]) : value === null) continue;
    body[field.key] = value;
  }
  return Object.keys(body).length > 0 ? body : undefined;
}
