/** Server messages of organization exports; English defines the keys, zh-CN translates each. */
const en = {
  'error.organizationExportRunning':
    "An export of this organization's data is running already. Wait until it has finished.",
  'entity.organizationExport': 'Data export',
} as const;

export const archiveMessages = {
  en,
  zhCN: {
    'error.organizationExportRunning': '本组织的数据导出正在进行中，请等待其完成。',
    'entity.organizationExport': '数据导出',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    archive: typeof archiveMessages.en;
  }
}
