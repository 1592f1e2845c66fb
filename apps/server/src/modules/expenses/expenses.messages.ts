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
  'export.expenses': 'Expenses',
  'column.attachments': 'Receipts',
  'column.decidedAt': 'Decided',
  'expenseCategory.travel': 'Travel',
  'expenseCategory.meals': 'Meals',
  'expenseCategory.gifts': 'Gifts',
  'expenseCategory.samples': 'Samples',
  'expenseCategory.other': 'Other',
  'expenseStatus.draft': 'Draft',
  'expenseStatus.pending': 'Pending',
  'expenseStatus.approved': 'Approved',
  'expenseStatus.rejected': 'Rejected',
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
    'export.expenses': '费用报销',
    'column.attachments': '票据数',
    'column.decidedAt': '审批时间',
    'expenseCategory.travel': '差旅',
    'expenseCategory.meals': '招待餐费',
    'expenseCategory.gifts': '礼品',
    'expenseCategory.samples': '样品',
    'expenseCategory.other': '其他',
    'expenseStatus.draft': '草稿',
    'expenseStatus.pending': '审批中',
    'expenseStatus.approved': '已通过',
    'expenseStatus.rejected': '已驳回',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    expenses: typeof expensesMessages.en;
  }
}
