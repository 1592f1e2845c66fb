/** Server messages of work reports (daily, weekly and monthly); English defines the keys, zh-CN translates each. */
const en = {
  'entity.workReport': 'Work report',
  'error.reportNotDraft': 'Only a draft report can be changed or submitted.',
  'error.reportExists': 'You already have a report for this period.',
  'field.recipientIds': 'Recipients',
  'field.period': 'Period',
  'field.work': 'Work done',
  'field.plan': 'Plan',
  'field.problems': 'Problems',
  'field.workdays': 'Workdays',
  'field.requiredRoleCodes': 'Roles that must report',
  'field.requiredDepartmentIds': 'Departments that must report',
  'field.dailyDueTime': 'Daily report due time',
  'field.weeklyDueTime': 'Weekly report due time',
  'field.monthlyDueDay': 'Monthly report due day',
  'field.monthlyDueTime': 'Monthly report due time',
} as const;

export const workReportsMessages = {
  en,
  zhCN: {
    'entity.workReport': '工作报告',
    'error.reportNotDraft': '只有草稿状态的报告可以修改或提交。',
    'error.reportExists': '你已写过这个周期的报告。',
    'field.recipientIds': '接收人',
    'field.period': '周期',
    'field.work': '工作内容',
    'field.plan': '计划',
    'field.problems': '问题',
    'field.workdays': '工作日',
    'field.requiredRoleCodes': '须提交报告的角色',
    'field.requiredDepartmentIds': '须提交报告的部门',
    'field.dailyDueTime': '日报截止时间',
    'field.weeklyDueTime': '周报截止时间',
    'field.monthlyDueDay': '月报截止日',
    'field.monthlyDueTime': '月报截止时间',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    'work-reports': typeof workReportsMessages.en;
  }
}
