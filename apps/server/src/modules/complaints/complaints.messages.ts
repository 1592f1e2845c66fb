/** Server messages of complaints; English defines the keys, zh-CN translates each. */
const en = {
  'entity.complaint': 'Complaint',
  'entity.complaintCategory': 'Complaint category',
  'complaints.wrongState': 'The complaint is not in a state that allows this',
  'complaints.notOfCustomer': 'does not belong to this customer',
  'complaints.endBeforeStart': 'must be later than the start of work',
  'field.subject': 'Subject',
  'field.severity': 'Severity',
  'field.channel': 'Channel',
  'field.handlerId': 'Handler',
  'field.text': 'Text',
  'field.rootCause': 'Root cause',
  'field.solution': 'Solution',
  'field.parentCategoryId': 'Parent category',
  'field.state': 'State',
  'field.overdue': 'Overdue',
  'field.calendar': 'Working calendar',
  'field.workStart': 'Work starts',
  'field.workEnd': 'Work ends',
  'field.holidays': 'Public holidays',
  'field.makeupWorkdays': 'Make-up working days',
  'field.sla': 'SLA targets',
  'field.low': 'Low',
  'field.normal': 'Normal',
  'field.high': 'High',
  'field.urgent': 'Urgent',
  'field.firstResponseMinutes': 'First response (minutes)',
  'field.resolutionMinutes': 'Resolution (minutes)',
  'field.assignmentRules': 'Assignment rules',
  'field.assignTo': 'Assign to',
} as const;

export const complaintsMessages = {
  en,
  zhCN: {
    'entity.complaint': '投诉工单',
    'entity.complaintCategory': '投诉分类',
    'complaints.wrongState': '工单当前状态不允许此操作',
    'complaints.notOfCustomer': '不属于该客户',
    'complaints.endBeforeStart': '必须晚于上班时间',
    'field.subject': '主题',
    'field.severity': '严重程度',
    'field.channel': '渠道',
    'field.handlerId': '处理人',
    'field.text': '内容',
    'field.rootCause': '根本原因',
    'field.solution': '解决方案',
    'field.parentCategoryId': '上级分类',
    'field.state': '状态',
    'field.overdue': '已超时',
    'field.calendar': '工作日历',
    'field.workStart': '上班时间',
    'field.workEnd': '下班时间',
    'field.holidays': '法定节假日',
    'field.makeupWorkdays': '调休工作日',
    'field.sla': '服务时限',
    'field.low': '低',
    'field.normal': '一般',
    'field.high': '高',
    'field.urgent': '紧急',
    'field.firstResponseMinutes': '首次响应（分钟）',
    'field.resolutionMinutes': '解决时限（分钟）',
    'field.assignmentRules': '分派规则',
    'field.assignTo': '分派给',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    complaints: typeof complaintsMessages.en;
  }
}
