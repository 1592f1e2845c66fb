/** Server messages of contacts; English defines the keys, zh-CN translates each. */
const en = {
  'error.primaryContactRequired':
    'A customer with contacts needs a primary contact: make another contact primary instead.',
  'field.title': 'Title',
  'field.department': 'Department',
  'field.wechat': 'WeChat',
  'field.isPrimary': 'Primary contact',
  'field.isDecisionMaker': 'Key decision-maker',
  'export.contacts': 'Contacts',
} as const;

export const contactsMessages = {
  en,
  zhCN: {
    'error.primaryContactRequired': '有联系人的客户必须有一位主联系人：请改为将另一位联系人设为主联系人。',
    'field.title': '职务',
    'field.department': '部门',
    'field.wechat': '微信',
    'field.isPrimary': '主联系人',
    'field.isDecisionMaker': '关键决策人',
    'export.contacts': '联系人',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    contacts: typeof contactsMessages.en;
  }
}
