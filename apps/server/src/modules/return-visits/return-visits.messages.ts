/** Server messages of return visits; English defines the keys, zh-CN translates each. */
const en = {
  'entity.returnVisit': 'Return visit',
  'field.outcome': 'Outcome',
  'field.satisfaction': 'Satisfaction',
  'field.handlerId': 'Handler',
  'field.afterOrderDays': 'Days after an order is completed',
  'field.afterComplaintDays': 'Days after a complaint is closed',
  'field.lowScore': 'Low score',
  'field.defaultHandlerId': 'Default handler',
  'validation.satisfactionWhenReached': 'is required when the customer was reached',
  'validation.notAHandler': 'must be an active colleague who handles return visits',
  'validation.orderOfOtherCustomer': 'belongs to another customer',
  'error.returnVisit.notOpen': 'This return visit is already done or cancelled.',
} as const;

export const returnVisitsMessages = {
  en,
  zhCN: {
    'entity.returnVisit': '回访',
    'field.outcome': '回访结果',
    'field.satisfaction': '满意度',
    'field.handlerId': '回访人',
    'field.afterOrderDays': '订单完成后回访（天）',
    'field.afterComplaintDays': '投诉关闭后回访（天）',
    'field.lowScore': '低分线',
    'field.defaultHandlerId': '默认回访人',
    'validation.satisfactionWhenReached': '联系上客户时必须填写',
    'validation.notAHandler': '须为负责回访的在职同事',
    'validation.orderOfOtherCustomer': '属于其他客户',
    'error.returnVisit.notOpen': '该回访已完成或已取消。',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    returnVisits: typeof returnVisitsMessages.en;
  }
}
