/** Server messages of the stage a new customer starts in (issue 10); English defines the keys, zh-CN translates each. */
const en = {
  'validation.stageNeedsApproval':
    'cannot be “{stage}” for a new customer: moving into it needs approval. Create the customer at an earlier stage, then request the move',
  'validation.stageNotInUse': '“{stage}” is not in use',
  'entity.stageRequest': 'Stage change request',
  'error.sameStage': 'The customer is already in this stage.',
  'error.stageInactive': 'This stage is not in use.',
  'error.stageRequestPending': 'A stage change for this customer is already waiting for approval.',
  'error.stageChanged': 'The customer has changed stage since the request was made.',
  'field.to': 'Target stage',
  'field.from': 'From',
  'export.lifecycleBoard': 'Lifecycle board',
  'boardExport.stage': 'Stage',
  'boardExport.count': 'Customers now',
  'boardExport.entered': 'Entered in period',
  'boardExport.medianDwell': 'Ended stays: median days',
  'boardExport.p90Dwell': 'Ended stays: P90 days',
  'boardExport.endedStays': 'Ended stays',
  'boardExport.openMedianDwell': 'Current stays: median days',
  'boardExport.openP90Dwell': 'Current stays: P90 days',
  'boardExport.stuck': 'Stuck customers',
  'field.followUpEveryDays': 'Follow up every (days)',
  'field.defaultTasks': 'Default tasks',
  'field.dueAfterDays': 'Due after (days)',
  'field.firstOrderCare': 'First-order care',
  'field.returnVisitDays': 'Return visit after delivery (days)',
  'validation.stageStrategiesIncomplete': 'must list every stage exactly once',
  'stageStrategy.kind.call': 'Call',
  'stageStrategy.kind.visit': 'Visit',
  'stageStrategy.kind.other': 'Other',
  'stageStrategy.taskDescription': '{kind} · created when the customer entered “{stage}”',
} as const;

export const lifecycleMessages = {
  en,
  zhCN: {
    'validation.stageNeedsApproval':
      '不能在新建时直接设为“{stage}”：进入该阶段需要审批。请先以较早的阶段创建客户，再申请变更',
    'validation.stageNotInUse': '“{stage}”未启用',
    'entity.stageRequest': '阶段变更申请',
    'error.sameStage': '客户已处于该阶段。',
    'error.stageInactive': '该阶段未启用。',
    'error.stageRequestPending': '该客户已有一个待审批的阶段变更。',
    'error.stageChanged': '提交申请后客户阶段已发生变化。',
    'field.to': '目标阶段',
    'field.from': '起始',
    'export.lifecycleBoard': '客户阶段看板',
    'boardExport.stage': '阶段',
    'boardExport.count': '当前客户数',
    'boardExport.entered': '期间进入',
    'boardExport.medianDwell': '已结束停留中位数（天）',
    'boardExport.p90Dwell': '已结束停留 P90（天）',
    'boardExport.endedStays': '已结束停留数',
    'boardExport.openMedianDwell': '当前停留中位数（天）',
    'boardExport.openP90Dwell': '当前停留 P90（天）',
    'boardExport.stuck': '超期客户数',
    'field.followUpEveryDays': '跟进频率（天）',
    'field.defaultTasks': '默认任务',
    'field.dueAfterDays': '几天后到期',
    'field.firstOrderCare': '首单关怀',
    'field.returnVisitDays': '交付后回访（天）',
    'validation.stageStrategiesIncomplete': '必须恰好列出每个阶段一次',
    'stageStrategy.kind.call': '电话',
    'stageStrategy.kind.visit': '拜访',
    'stageStrategy.kind.other': '其他',
    'stageStrategy.taskDescription': '{kind} · 客户进入“{stage}”阶段时自动创建',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    lifecycle: typeof lifecycleMessages.en;
  }
}
