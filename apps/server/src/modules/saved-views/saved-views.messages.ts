/** Server messages of saved list views (issue 10); English defines the keys, zh-CN translates each. */
const en = {
  'validation.shareNotAllowed':
    'is allowed only with the "List views · Share with everyone" right; save the view for yourself instead',
  'entity.savedView': 'Saved view',
  'error.savedViewNameTaken': 'You already have a view with this name.',
  'field.view': 'View',
  'field.module': 'Module',
  'field.query': 'Query',
  'field.shared': 'Shared',
} as const;

export const savedViewsMessages = {
  en,
  zhCN: {
    'validation.shareNotAllowed': '需要“列表视图 · 共享给全组织”权限，您可以只保存给自己使用',
    'entity.savedView': '视图',
    'error.savedViewNameTaken': '你已有同名的视图。',
    'field.view': '视图',
    'field.module': '模块',
    'field.query': '查询条件',
    'field.shared': '共享',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    'saved-views': typeof savedViewsMessages.en;
  }
}
