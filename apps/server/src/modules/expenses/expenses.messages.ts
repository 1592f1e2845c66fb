/** Server messages of the expenses module (issue 5); English defines the keys, zh-CN translates each. */
const en = {
  'error.expense.notOwn': 'Only the employee who filed an expense can change it.',
  'error.expense.notEditable': 'Only draft or rejected expenses can be changed, deleted or submitted.',
  'error.expense.notPending': 'Only an expense waiting for approval can be withdrawn.',
  'validation.expense.amount': 'must be a whole number of fen (1/100 yuan) from 1 to 99999999999',
  'entity.expense': 'Expense',
  'field.category': 'Category',
  'field.spentOn': 'Date spent',
  'field.month': 'Month',
  'field.employeeId': 'Employee',
  'field.mine': 'Mine only',
  'field.attachmentId': 'Attachment',
} as const;

export const expensesMessages = {
  en,
  zhCN: {
    'error.expense.notOwn': '只有报销人本人可以修改这笔费用。',
    'error.expense.notEditable': '只有草稿或已驳回的费用可以修改、删除或提交。',
    'error.expense.notPending': '只有审批中的费用可以撤回。',
    'validation.expense.amount': '必须是 1 到 99999999999 之间的整数（单位：分）',
    'entity.expense': '费用',
    'field.category': '类别',
    'field.spentOn': '发生日期',
    'field.month': '月份',
    'field.employeeId': '员工',
    'field.mine': '仅看我的',
    'field.attachmentId': '附件',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    expenses: typeof expensesMessages.en;
  }
}
