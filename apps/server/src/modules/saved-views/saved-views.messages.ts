/** Server messages of saved list views (issue 10); English defines the keys, zh-CN translates each. */
const en = {
  'validation.shareNotAllowed':
    'is allowed only with the "List views · Share with everyone" right; save the view for yourself instead',
} as const;

export const savedViewsMessages = {
  en,
  zhCN: {
    'validation.shareNotAllowed': '需要“列表视图 · 共享给全组织”权限，您可以只保存给自己使用',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    'saved-views': typeof savedViewsMessages.en;
  }
}
