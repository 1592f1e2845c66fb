/** Server messages of notifications; English defines the keys, zh-CN translates each. */
const en = {
  'entity.notification': 'Notification',
  'field.unread': 'Unread only',
  'error.approvalTodoNeedsDecision': 'An approval cannot be ticked done: open the approval and approve or reject it.',
} as const;

export const notificationsMessages = {
  en,
  zhCN: {
    'entity.notification': '通知',
    'field.unread': '仅未读',
    'error.approvalTodoNeedsDecision': '审批待办不能直接标记完成，请打开审批单作出同意或驳回的决定。',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    notifications: typeof notificationsMessages.en;
  }
}
