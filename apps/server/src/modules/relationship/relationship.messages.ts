/** Server messages of the relationship phases and decline decisions; English defines the keys, zh-CN translates each. */
const en = {
  'field.strategy': 'Strategy',
  'field.step': 'Step',
  'field.dueOn': 'Due date',
  'field.checkOn': 'Check date',
  'field.letGoTo': 'Let go to',
  'field.expectedRepurchaseDays': 'Expected repurchase interval (days)',
  'field.relationshipPhase': 'Relationship phase',
  'field.decidedFrom': 'Decided from',
  'field.decidedTo': 'Decided until',
  'validation.notPast': 'must not be in the past',
  'error.relationshipNotDeclining': 'The customer is not in decline: there is nothing to decide.',
  'error.relationshipAlreadyDecided': 'A decision on this decline has already been made.',
  'relationship.task.call': 'Win-back call: {customer}',
  'relationship.task.visit': 'Win-back visit: {customer}',
  'relationship.task.offer': 'Win-back offer: {customer}',
  'relationship.task.check': 'Check the win-back result: {customer}',
} as const;

export const relationshipMessages = {
  en,
  zhCN: {
    'field.strategy': '应对策略',
    'field.step': '步骤',
    'field.dueOn': '截止日期',
    'field.checkOn': '检查日期',
    'field.letGoTo': '放弃后去向',
    'field.expectedRepurchaseDays': '预期复购周期（天）',
    'field.relationshipPhase': '关系阶段',
    'field.decidedFrom': '决策开始日期',
    'field.decidedTo': '决策结束日期',
    'validation.notPast': '不能早于今天',
    'error.relationshipNotDeclining': '该客户不在衰退期，无需决策。',
    'error.relationshipAlreadyDecided': '本次衰退已经做出过决策。',
    'relationship.task.call': '挽回电话：{customer}',
    'relationship.task.visit': '挽回拜访：{customer}',
    'relationship.task.offer': '挽回优惠方案：{customer}',
    'relationship.task.check': '检查挽回效果：{customer}',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    relationship: typeof relationshipMessages.en;
  }
}
