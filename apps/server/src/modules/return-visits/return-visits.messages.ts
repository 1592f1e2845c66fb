/** Server messages of return visits; English defines the keys, zh-CN translates each. */
const en = {
  'entity.returnVisit': 'Return visit',
  'field.outcome': 'Outcome',
  'field.satisfaction': 'Satisfaction',
  'field.afterOrderDays': 'Days after an order is completed',
  'field.afterComplaintDays': 'Days after a complaint is closed',
  'field.lowScore': 'Low score',
  'field.defaultHandlerId': 'Default handler',
  'validation.satisfactionWhenReached': 'is required when the customer was reached',
  'validation.notAHandler': 'must be an active colleague who handles return visits',
  'validation.orderOfOtherCustomer': 'belongs to another customer',
  'error.returnVisit.notOpen': 'This return visit is already done or cancelled.',
  'error.returnVisit.notLowScore': 'Only a return visit recorded with a low score opens a complaint.',
  'error.returnVisit.complaintRaised': 'A complaint was already opened from this return visit.',
  'returnVisit.complaintSubject': 'Low score on a return visit: {score} of 5',
  'export.returnVisits': 'Return visits',
  'returnVisitExport.source': 'Source',
  'returnVisitExport.dueDate': 'Due',
  'returnVisitExport.lowScore': 'Low score',
  'returnVisitExport.doneAt': 'Done at',
  'returnVisitExport.doneBy': 'Done by',
  'returnVisitSource.order_completed': 'Order completed',
  'returnVisitSource.complaint_closed': 'Complaint closed',
  'returnVisitSource.manual': 'Scheduled by hand',
  'returnVisitStatus.open': 'To do',
  'returnVisitStatus.done': 'Done',
  'returnVisitStatus.cancelled': 'Cancelled',
  'returnVisitOutcome.reached': 'Reached the customer',
  'returnVisitOutcome.unreachable': 'No answer',
  'returnVisitOutcome.declined': 'Customer declined',
} as const;

export const returnVisitsMessages = {
  en,
  zhCN: {
    'entity.returnVisit': '回访',
    'field.outcome': '回访结果',
    'field.satisfaction': '满意度',
    'field.afterOrderDays': '订单完成后回访（天）',
    'field.afterComplaintDays': '投诉关闭后回访（天）',
    'field.lowScore': '低分线',
    'field.defaultHandlerId': '默认回访人',
    'validation.satisfactionWhenReached': '联系上客户时必须填写',
    'validation.notAHandler': '须为负责回访的在职同事',
    'validation.orderOfOtherCustomer': '属于其他客户',
    'error.returnVisit.notOpen': '该回访已完成或已取消。',
    'error.returnVisit.notLowScore': '只有记录为低分的回访才能转为投诉。',
    'error.returnVisit.complaintRaised': '该回访已转为投诉。',
    'returnVisit.complaintSubject': '回访低分：满意度 {score} 分（满分 5 分）',
    'export.returnVisits': '回访',
    'returnVisitExport.source': '来源',
    'returnVisitExport.dueDate': '应回访日期',
    'returnVisitExport.lowScore': '低分',
    'returnVisitExport.doneAt': '回访时间',
    'returnVisitExport.doneBy': '记录人',
    'returnVisitSource.order_completed': '订单完成',
    'returnVisitSource.complaint_closed': '投诉关闭',
    'returnVisitSource.manual': '手动安排',
    'returnVisitStatus.open': '待回访',
    'returnVisitStatus.done': '已回访',
    'returnVisitStatus.cancelled': '已取消',
    'returnVisitOutcome.reached': '已联系上',
    'returnVisitOutcome.unreachable': '未接通',
    'returnVisitOutcome.declined': '客户拒绝回访',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    returnVisits: typeof returnVisitsMessages.en;
  }
}
