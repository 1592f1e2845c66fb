/** Server messages of the hand-over of a leaving user (issue 13); English defines the keys, zh-CN translates each. */
const en = {
  'error.handoverSelf': 'You cannot hand over your own account; ask another manager or an administrator.',
  'error.handoverRecordFailed': '“{record}” could not be handed over, so nothing was changed: {reason}',
  'validation.handoverTargetNeeded': 'needs someone to take them over (or the pool)',
  'validation.handoverOneTarget': 'takes either colleagues or the pool, not both',
  'validation.handoverNoPool': 'cannot go to a pool',
  'validation.handoverLeavingUser': 'cannot include the user who is leaving',
  'validation.inactiveUser': 'must be active users of this organization',
  'field.leads': 'Leads',
  'field.opportunities': 'Opportunities',
  'field.orders': 'Orders',
  'field.tasks': 'Tasks',
  'field.approvals': 'Approvals',
  'field.toPool': 'Back to the pool',
} as const;

export const handoverMessages = {
  en,
  zhCN: {
    'error.handoverSelf': '不能交接自己的账号，请由其他经理或管理员办理。',
    'error.handoverRecordFailed': '“{record}”无法交接，未做任何更改：{reason}',
    'validation.handoverTargetNeeded': '需要指定接手人（或退回公海）',
    'validation.handoverOneTarget': '只能交给同事或退回公海，不能同时选择',
    'validation.handoverNoPool': '不能退回公海',
    'validation.handoverLeavingUser': '不能包含离职人员本人',
    'validation.inactiveUser': '必须是本组织的在职（已启用）用户',
    'field.leads': '线索',
    'field.opportunities': '商机',
    'field.orders': '订单',
    'field.tasks': '任务',
    'field.approvals': '审批',
    'field.toPool': '退回公海',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    handover: typeof handoverMessages.en;
  }
}
