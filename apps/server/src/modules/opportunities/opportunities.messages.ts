/** Server messages of opportunities and sales processes; English defines the keys, zh-CN translates each. */
const en = {
  'entity.opportunity': 'Opportunity',
  'entity.salesProcess': 'Sales process',
  'error.opportunityClosed': 'This opportunity is already closed (won, lost or invalid).',
  'error.stageOfOtherProcess': "The stage does not belong to this opportunity's sales process.",
  'error.noSalesProcess':
    "There is no sales process for this owner's department and no default process. Ask an administrator to create one.",
  'error.salesProcessInUse':
    'Opportunities use this sales process, so its stages and probabilities can no longer change. Names can; or create a new process.',
  'error.salesProcessDepartmentTaken': 'This department (or the organization default) already has a sales process.',
  'field.expectedCloseDate': 'Expected close date',
  'field.processId': 'Sales process',
  'field.stageId': 'Stage',
  'field.stages': 'Stages',
  'field.probability': 'Win probability',
  'field.role': 'Role',
  'field.attitude': 'Attitude',
  'field.groupBy': 'Group by',
  'field.expectedFrom': 'Expected close from',
  'field.expectedTo': 'Expected close until',
  'export.opportunities': 'Opportunities',
  'column.closedAt': 'Closed',
  'opportunityStatus.open': 'Open',
  'opportunityStatus.won': 'Won',
  'opportunityStatus.lost': 'Lost',
  'opportunityStatus.invalid': 'Invalid',
} as const;

export const opportunitiesMessages = {
  en,
  zhCN: {
    'entity.opportunity': '商机',
    'entity.salesProcess': '销售流程',
    'error.opportunityClosed': '该商机已结束（赢单、输单或无效）。',
    'error.stageOfOtherProcess': '该阶段不属于此商机的销售流程。',
    'error.noSalesProcess': '负责人所在部门没有销售流程，也没有默认流程。请联系管理员创建。',
    'error.salesProcessInUse': '已有商机使用此销售流程，阶段和赢率不能再修改（名称可以修改），或新建一个流程。',
    'error.salesProcessDepartmentTaken': '该部门（或组织默认）已有销售流程。',
    'field.expectedCloseDate': '预计成交日期',
    'field.processId': '销售流程',
    'field.stageId': '阶段',
    'field.stages': '阶段',
    'field.probability': '赢率',
    'field.role': '角色',
    'field.attitude': '态度',
    'field.groupBy': '分组',
    'field.expectedFrom': '预计成交起',
    'field.expectedTo': '预计成交止',
    'export.opportunities': '商机',
    'column.closedAt': '关闭时间',
    'opportunityStatus.open': '进行中',
    'opportunityStatus.won': '赢单',
    'opportunityStatus.lost': '输单',
    'opportunityStatus.invalid': '无效',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    opportunities: typeof opportunitiesMessages.en;
  }
}
