/** Server messages of the stage a new customer starts in (issue 10); English defines the keys, zh-CN translates each. */
const en = {
  'validation.stageNeedsApproval':
    'cannot be “{stage}” for a new customer: moving into it needs approval. Create the customer at an earlier stage, then request the move',
  'validation.stageNotInUse': '“{stage}” is not in use',
} as const;

export const lifecycleMessages = {
  en,
  zhCN: {
    'validation.stageNeedsApproval':
      '不能在新建时直接设为“{stage}”：进入该阶段需要审批。请先以较早的阶段创建客户，再申请变更',
    'validation.stageNotInUse': '“{stage}”未启用',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    lifecycle: typeof lifecycleMessages.en;
  }
}
