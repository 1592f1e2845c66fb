/** Server messages of the payments module (issue 5); English defines the keys, zh-CN translates each. */
const en = {
  'entity.payment': 'Payment',
  'entity.paymentOrder': 'Order',
  'error.payment.orderNotPayable': 'Payments can only be recorded for confirmed, shipped or completed orders',
  'error.payment.overpaid': 'The amount exceeds what is unpaid on the order ({unpaid} yuan)',
  'error.payment.alreadyVoided': 'This payment has already been voided',
  'error.payment.orderCancelled': 'A cancelled order has no payment plan',
  'validation.payment.positive': 'must be a whole number of fen greater than 0',
  'validation.payment.planOfOrder': 'must be an installment of this order',
  'validation.payment.planSum': 'must add up to the order total of {total} yuan (difference: {difference} yuan)',
  'field.orderId': 'Order',
  'field.method': 'Payment method',
  'field.receivedOn': 'Date received',
  'field.planId': 'Installment',
  'field.reference': 'Reference',
  'field.installments': 'Installments',
  'field.dueDate': 'Due date',
  'field.asOf': 'As of',
  'field.dueFrom': 'Due from',
  'field.dueTo': 'Due to',
  'field.includeVoided': 'Include voided',
} as const;

export const paymentsMessages = {
  en,
  zhCN: {
    'entity.payment': '回款',
    'entity.paymentOrder': '订单',
    'error.payment.orderNotPayable': '只有已确认、已发货或已完成的订单才能登记回款',
    'error.payment.overpaid': '金额超过订单未付金额（{unpaid} 元）',
    'error.payment.alreadyVoided': '该回款已作废',
    'error.payment.orderCancelled': '已取消的订单不能设置回款计划',
    'validation.payment.positive': '必须是大于 0 的整数（单位：分）',
    'validation.payment.planOfOrder': '必须是该订单的回款计划分期',
    'validation.payment.planSum': '合计必须等于订单总额 {total} 元（相差 {difference} 元）',
    'field.orderId': '订单',
    'field.method': '回款方式',
    'field.receivedOn': '回款日期',
    'field.planId': '回款分期',
    'field.reference': '凭证号',
    'field.installments': '回款分期',
    'field.dueDate': '到期日',
    'field.asOf': '截至日期',
    'field.dueFrom': '到期日起',
    'field.dueTo': '到期日止',
    'field.includeVoided': '包含已作废',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    payments: typeof paymentsMessages.en;
  }
}
