/** Server messages of tasks; English defines the keys, zh-CN translates each. */
const en = {
  'entity.task': 'Task',
  'validation.notInScope': 'is not a user you may assign work to',
  'validation.afterDue': 'must not be after the due time',
  'field.assigneeId': 'Assignee',
  'field.relatedType': 'Related record type',
  'field.relatedId': 'Related record',
  'field.dueAt': 'Due time',
  'field.remindAt': 'Reminder time',
  'export.tasks': 'Tasks',
  'column.overdue': 'Overdue',
  'column.completedAt': 'Completed',
  'taskStatus.open': 'Open',
  'taskStatus.done': 'Done',
  'taskStatus.cancelled': 'Cancelled',
} as const;

export const tasksMessages = {
  en,
  zhCN: {
    'entity.task': '任务',
    'validation.notInScope': '不是你可以分派工作的用户',
    'validation.afterDue': '不能晚于截止时间',
    'field.assigneeId': '负责人',
    'field.relatedType': '关联记录类型',
    'field.relatedId': '关联记录',
    'field.dueAt': '截止时间',
    'field.remindAt': '提醒时间',
    'export.tasks': '任务',
    'column.overdue': '已逾期',
    'column.completedAt': '完成时间',
    'taskStatus.open': '进行中',
    'taskStatus.done': '已完成',
    'taskStatus.cancelled': '已取消',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    tasks: typeof tasksMessages.en;
  }
}
