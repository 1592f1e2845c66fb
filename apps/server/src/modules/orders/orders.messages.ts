/** Server messages of the orders module (issue 5); English defines the keys, zh-CN translates each. */
const en = {
  'entity.order': 'Order',
  'error.order.wrongState.draft': 'The order is still a draft; this is not possible now.',
  'error.order.wrongState.pending_approval': 'The order is waiting for price approval; this is not possible now.',
  'error.order.wrongState.submitted': 'The order is waiting for confirmation; this is not possible now.',
  'error.order.wrongState.confirmed': 'The order is already confirmed; this is not possible now.',
  'error.order.wrongState.shipped': 'The order has already been shipped; this is not possible now.',
  'error.order.wrongState.completed': 'The order is already completed; this is not possible now.',
  'error.order.wrongState.cancelled': 'The order is cancelled; this is not possible now.',
  'error.order.notCancellable': 'A shipped or completed order can no longer be cancelled.',
  'error.order.cancelConfirmedNeedsFinance': 'Only finance (who may confirm orders) can cancel a confirmed order.',
  'error.order.cancelHasPayments':
    'Payments of {paid} yuan are recorded on this order. Void the payments first, then cancel the order.',
  'error.order.creditExceeded':
    'The order exceeds the customer’s credit limit: limit {limit} yuan, outstanding {outstanding} yuan, this order {order} yuan. Ask for a credit override.',
  'error.order.noWarehouse': 'The order has no warehouse and there is no default warehouse. Choose a warehouse first.',
  'error.order.planMismatch':
    'The payment plan adds up to {plan} yuan but the order total is {total} yuan. Adjust the payment plan first.',
  'error.order.customerInPool': 'This customer is in the pool and has no owner, so no order can be entered for it.',
  'validation.orderProduct': 'is not an active product',
  'validation.orderOwner': 'must be the customer’s owner',
  'validation.orderAmountTooLarge': 'makes the amount larger than 99999999999999 fen',
  'validation.orderWarehouse': 'is not an active warehouse',
  'validation.mustExceed': 'must be greater than {other}',
  'order.approvalTitle.price': 'Order {orderNo}: price below authority',
  'order.approvalTitle.credit': 'Order {orderNo}: credit override',
  'order.approvalReason.price': '{count} line(s) below the price floor',
  'field.orderDate': 'Order date',
  'field.lines': 'Order lines',
  'field.notes': 'Notes',
  'field.creditOverrideReason': 'Credit override reason',
  'field.limitFen': 'Credit limit',
  'field.termDays': 'Payment term (days)',
  'field.creditMode': 'Over the credit limit',
  'field.defaultTermDays': 'Default payment term (days)',
  'field.orderNoPrefix': 'Order number prefix',
  'field.pyramidPlatinumPct': 'Platinum share (%)',
  'field.pyramidGoldPct': 'Gold share (%)',
  'field.abcAPct': 'Class A share (%)',
  'field.abcBPct': 'Class B share (%)',
  'field.overOnly': 'Over limit only',
} as const;

export const ordersMessages = {
  en,
  zhCN: {
    'entity.order': '订单',
    'error.order.wrongState.draft': '订单仍是草稿，现在不能执行此操作。',
    'error.order.wrongState.pending_approval': '订单正在等待价格审批，现在不能执行此操作。',
    'error.order.wrongState.submitted': '订单正在等待财务确认，现在不能执行此操作。',
    'error.order.wrongState.confirmed': '订单已确认，现在不能执行此操作。',
    'error.order.wrongState.shipped': '订单已发货，现在不能执行此操作。',
    'error.order.wrongState.completed': '订单已完成，现在不能执行此操作。',
    'error.order.wrongState.cancelled': '订单已取消，现在不能执行此操作。',
    'error.order.notCancellable': '已发货或已完成的订单不能再取消。',
    'error.order.cancelConfirmedNeedsFinance': '已确认的订单只能由财务（有确认订单权限的人）取消。',
    'error.order.cancelHasPayments': '该订单已登记回款 {paid} 元。请先作废回款，再取消订单。',
    'error.order.creditExceeded':
      '订单超出客户信用额度：额度 {limit} 元，未回款 {outstanding} 元，本单 {order} 元。请申请信用放行。',
    'error.order.noWarehouse': '订单没有指定仓库，也没有默认仓库。请先选择仓库。',
    'error.order.planMismatch': '回款计划合计 {plan} 元，与订单金额 {total} 元不一致。请先调整回款计划。',
    'error.order.customerInPool': '该客户在公海中，没有负责人，不能为其录入订单。',
    'validation.orderProduct': '不是可用的产品',
    'validation.orderOwner': '必须是客户的负责人',
    'validation.orderAmountTooLarge': '使金额超过 99999999999999 分',
    'validation.orderWarehouse': '不是可用的仓库',
    'validation.mustExceed': '必须大于 {other}',
    'order.approvalTitle.price': '订单 {orderNo}：低于价格权限',
    'order.approvalTitle.credit': '订单 {orderNo}：信用放行',
    'order.approvalReason.price': '{count} 行低于价格底线',
    'field.orderDate': '订单日期',
    'field.lines': '订单明细',
    'field.notes': '备注',
    'field.creditOverrideReason': '信用放行原因',
    'field.limitFen': '信用额度',
    'field.termDays': '账期（天）',
    'field.creditMode': '超出信用额度时',
    'field.defaultTermDays': '默认账期（天）',
    'field.orderNoPrefix': '订单编号前缀',
    'field.pyramidPlatinumPct': '铂金客户占比（%）',
    'field.pyramidGoldPct': '黄金客户占比（%）',
    'field.abcAPct': 'A 类客户占比（%）',
    'field.abcBPct': 'B 类客户占比（%）',
    'field.overOnly': '仅看超额',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    orders: typeof ordersMessages.en;
  }
}
