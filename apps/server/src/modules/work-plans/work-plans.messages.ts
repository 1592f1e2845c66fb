/** Server messages of work plans and their review; English defines the keys, zh-CN translates each. */
const en = {
  'entity.workPlan': 'Work plan',
  'error.planExists': 'You already have a plan for this period.',
  'error.planNotEditable': 'An approved or submitted plan cannot be changed.',
  'error.planNotSubmitted': 'Only a submitted plan can be reviewed.',
  'field.score': 'Score',
  'field.decision': 'Decision',
  'field.plannedAt': 'Planned time',
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
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    'work-plans': typeof workPlansMessages.en;
  }
}
