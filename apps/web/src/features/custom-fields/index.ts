// Custom fields (issue 14): definitions, the form section, detail items, list columns and filters.
export { CustomFieldFilterItems } from './CustomFieldFilterItems';
export { CustomFieldsFormSection } from './CustomFieldsFormSection';
export {
  CustomFieldDescriptions,
  useCustomFieldDescriptionItems,
  useCustomFieldText,
  useHasCustomFieldDetails,
} from './customFieldDisplay';
export { toCustomFieldBody, accessOf as customFieldAccessOf, labelOf as customFieldLabelOf } from './customFieldValues';
export { useCustomFieldDefinitions, useLiveCustomFields } from './customFields.queries';
