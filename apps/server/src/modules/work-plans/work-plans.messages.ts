/** Server messages of work plans and their review; English defines the keys, zh-CN translates each. */
const en = {
  'entity.workPlan': 'Work plan',
  'error.planExists': 'You already have a plan for this period.',
  'error.planNotEditable': 'An approved or submitted plan cannot be changed.',
  'error.planNotSubmitted': 'Only a submitted plan can be reviewed.',
  'field.score': 'Score',
  'field.decision': 'Decision',
  'field.plannedAt': 'Planned time',
  'export.workPlans': 'Work plans',
  'planExport.kind': 'Type',
  'planExport.periodStart': 'Period from',
  'planExport.periodEnd': 'Period to',
  'planExport.author': 'Author',
  'planExport.status': 'Status',
  'planExport.itemCount': 'Planned items',
  'planExport.doneCount': 'Done',
  'planExport.completionRate': 'Completion (%)',
  'planExport.customers': 'Planned customers',
  'planExport.submittedAt': 'Submitted',
  'planExport.reviewer': 'Reviewer',
  'planExport.decision': 'Review result',
  'planExport.reviewComment': 'Review comment',
  'planKind.daily': 'Daily plan',
  'planKind.weekly': 'Weekly plan',
  'planStatus.draft': 'Draft',
  'planStatus.submitted': 'Submitted',
  'planStatus.approved': 'Approved',
  'planStatus.commented': 'Commented',
  'planDecision.approve': 'Approved',
  'planDecision.comment': 'Commented',
} as const;

export const workPlansMessages = {
  en,
  zhCN: {
    'entity.workPlan': '工作计划',
    'error.planExists': '你已有这个周期的计划。',
    'error.planNotEditable': '已提交或已批准的计划不能修改。',
    'error.planNotSubmitted': '只有已提交的计划可以审阅。',
    'field.score': '评分',
    'field.decision': '审阅结果',
    'field.plannedAt': '计划时间',
    'export.workPlans': '工作计划',
    'planExport.kind': '类型',
    'planExport.periodStart': '周期开始',
    'planExport.periodEnd': '周期结束',
    'planExport.author': '提交人',
    'planExport.status': '状态',
    'planExport.itemCount': '计划事项数',
    'planExport.doneCount': '已完成',
    'planExport.completionRate': '完成率（%）',
    'planExport.customers': '计划客户',
    'planExport.submittedAt': '提交时间',
    'planExport.reviewer': '审阅人',
    'planExport.decision': '审阅结果',
    'planExport.reviewComment': '审阅意见',
    'planKind.daily': '日计划',
    'planKind.weekly': '周计划',
    'planStatus.draft': '草稿',
    'planStatus.submitted': '已提交',
    'planStatus.approved': '已批准',
    'planStatus.commented': '已批注',
    'planDecision.approve': '批准',
    'planDecision.comment': '批注',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    'work-plans': typeof workPlansMessages.en;
  }
}
