/** Server messages of sign-in, passwords and API tokens; English defines the keys, zh-CN translates each. */
const en = {
  'error.wrongPassword': 'The current password is wrong.',
  'entity.apiToken': 'API token',
} as const;

export const authMessages = {
  en,
  zhCN: {
    'error.wrongPassword': '当前密码不正确。',
    'entity.apiToken': 'API 令牌',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    auth: typeof authMessages.en;
  }
}
