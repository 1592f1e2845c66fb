/** Server messages of the value module (issue 5); English defines the keys, zh-CN translates each. */
const en = {
  'validation.value.periodOrder': 'must not be after the end date',
} as const;

export const valueMessages = {
  en,
  zhCN: {
    'validation.value.periodOrder': '不能晚于结束日期',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    'customer-value': typeof valueMessages.en;
  }
}
