/** Server messages of notifications; English defines the keys, zh-CN translates each. */
const en = {
  'entity.notification': 'Notification',
  'field.unread': 'Unread only',
} as const;

export const notificationsMessages = {
  en,
  zhCN: {
    'entity.notification': '通知',
    'field.unread': '仅未读',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    notifications: typeof notificationsMessages.en;
  }
}
