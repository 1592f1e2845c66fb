/** Server messages of custom fields (issue 14); English defines the keys, zh-CN translates each. */
const en = {
  'entity.customField': 'Custom field',
  'error.customFieldKeyTaken': 'This record type already has a field with this key.',
  'validation.notAnOption': 'is not one of the field’s options',
  'validation.unknownUser': 'is not an active colleague',
  'field.customFields': 'Custom fields',
  'field.cf': 'Custom field filter',
  'field.key': 'Key',
  'field.label': 'Name',
  'field.labelEn': 'English name',
  'field.options': 'Options',
  'field.required': 'Required',
  'field.showInList': 'Show in list',
  'field.showOnDetail': 'Show on detail page',
} as const;

export const customFieldsMessages = {
  en,
  zhCN: {
    'entity.customField': '自定义字段',
    'error.customFieldKeyTaken': '该类记录已有使用此标识的字段。',
    'validation.notAnOption': '不是该字段的可选项',
    'validation.unknownUser': '不是在职同事',
    'field.customFields': '自定义字段',
    'field.cf': '自定义字段筛选',
    'field.key': '标识',
    'field.label': '名称',
    'field.labelEn': '英文名称',
    'field.options': '选项',
    'field.required': '必填',
    'field.showInList': '在列表中显示',
    'field.showOnDetail': '在详情页显示',
  } satisfies Record<keyof typeof en, string>,
};

declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    'custom-fields': typeof customFieldsMessages.en;
  }
}
