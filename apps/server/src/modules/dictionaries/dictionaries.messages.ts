/** Server messages of the dictionaries; English defines the keys, zh-CN translates each. */
const en = {
  'entity.dictionaryEntry': 'Dictionary entry',
  'validation.notInDictionary': "is not an active entry of the organization's list; pick one from the list",
  'error.dictionaryCodeTaken': 'This list already has an entry with this code.',
  'error.dictionaryOrderIncomplete': "The new order must name each of the list's entries exactly once.",
  'field.codes': 'Order',
};

export const dictionariesMessages = {
  en,
  zhCN: {
    'entity.dictionaryEntry': '字典项',
    'validation.notInDictionary': '不是本组织字典中的有效选项，请从列表中选择',
    'error.dictionaryCodeTaken': '该字典中已有此编码的选项。',
    'error.dictionaryOrderIncomplete': '新顺序必须恰好包含该字典的每个选项一次。',
    'field.codes': '顺序',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    dictionaries: typeof dictionariesMessages.en;
  }
}
