import { PAYMENT_METHODS } from '@guanxi/contract';
import { findOrdersByNumber } from '../orders/index.js';
import { findPaymentImportMatches, insertPayment, type ImportMatchedPayment } from '../payments/index.js';
import { defineFields, externalIdField } from './import-field-catalog.js';
import type { ImportBatchContext, ImportKind, ImportRow, ImportRowResult } from './import-kind.js';
import { failed, issue, numberOf, plannedId, textOf, writeAtomically } from './import-kind-support.js';
import { DEFAULT_PAYMENT_METHOD_MAP } from './import-value-maps.js';

const METHOD_NAMES: Record<(typeof PAYMENT_METHODS)[number], { en: string; zh: string }> = {
  bank_transfer: { en: 'Bank transfer', zh: '银行转账' },
  cash: { en: 'Cash', zh: '现金' },
  cheque: { en: 'Cheque', zh: '支票' },
  wechat: { en: 'WeChat Pay', zh: '微信' },
  alipay: { en: 'Alipay', zh: '支付宝' },
  card: { en: 'Card', zh: '刷卡' },
  acceptance_bill: { en: 'Acceptance bill', zh: '承兑汇票' },
  other: { en: 'Other', zh: '其他' },
};

const { fields, messages } = defineFields(
  'payments',
  { en: 'Payments received', zh: '回款' },
  [
    externalIdField('Payment external ID', '回款外部编号'),
    {
      key: 'orderNo',
      type: 'text',
      required: true,
      maxLength: 100,
      en: 'Order No.',
      zh: '订单号',
      hintEn: 'The order’s number, or its number in the old system for imported orders.',
      hintZh: '订单号；导入的订单也可用原系统单号。',
      synonyms: ['单号', '订单编号', '销售单号', '合同号', 'Order No', 'Order Number', 'ORDERNUMBER', 'Invoice No'],
    },
    {
      key: 'amount',
      type: 'money',
      required: true,
      en: 'Amount received',
      zh: '回款金额',
      synonyms: ['金额', '收款金额', '实收金额', '到账金额', 'Amount', 'Payment Amount', 'Amount Received', 'Paid'],
    },
    {
      key: 'receivedOn',
      type: 'date',
      required: true,
      en: 'Date received',
      zh: '回款日期',
      synonyms: ['收款日期', '到账日期', '付款日期', '日期', 'Payment Date', 'Received On', 'Date Received', 'Date'],
    },
    {
      key: 'method',
      type: 'enum',
      en: 'Payment method',
      zh: '回款方式',
      hintEn: 'Empty cells import as Other.',
      hintZh: '为空时按“其他”导入。',
      synonyms: ['付款方式', '收款方式', '支付方式', '结算方式', 'Method', 'Payment Method', 'Payment Type'],
      options: PAYMENT_METHODS.map((value) => ({
        value,
        ...METHOD_NAMES[value],
        synonyms: Object.entries(DEFAULT_PAYMENT_METHOD_MAP)
          .filter(([, to]) => to === value)
          .map(([from]) => from),
      })),
    },
    {
      key: 'reference',
      type: 'text',
      maxLength: 100,
      en: 'Reference',
      zh: '流水号',
      synonyms: ['凭证号', '交易号', '银行流水号', '参考号', 'Reference', 'Transaction No', 'Transaction ID'],
    },
    { key: 'notes', type: 'text', maxLength: 1000, en: 'Notes', zh: '备注', synonyms: ['说明', 'Remarks', 'Memo'] },
  ],
  {
    en: { 'imports.payments.error.noUpdate': 'A recorded payment is not changed; void it and import it again' },
    zhCN: { 'imports.payments.error.noUpdate': '已登记的回款不能修改；请作废后重新导入' },
  },
);

/** The same payment again: same order, amount, date and reference (without external ids to tell). */
const samePayment = (p: ImportMatchedPayment, orderId: string, row: ImportRow) =>
  p.orderId === orderId &&
  p.amountFen === numberOf(row, 'amount') &&
  p.receivedOn === textOf(row, 'receivedOn') &&
  (p.reference ?? null) === textOf(row, 'reference');

async function importRow(
  context: ImportBatchContext,
  row: ImportRow,
  orders: Awaited<ReturnType<typeof findOrdersByNumber>>,
  existing: ImportMatchedPayment[],
): Promise<ImportRowResult> {
  const orderNo = textOf(row, 'orderNo')!;
  const order = orders.get(orderNo);
  if (!order) return failed(issue('orderNo', 'imports.rowError.notFound', { value: orderNo }));
  const externalId = textOf(row, 'externalId');
  const memoryKey = externalId
    ? `payment:${externalId}`
    : `payment:${order.id}:${row.values.amount}:${row.values.receivedOn}:${textOf(row, 'reference')}`;
  const match = externalId
    ? existing.find((p) => p.externalId === externalId)
    : existing.find((p) => !p.voided && samePayment(p, order.id, row));
  if (match || (context.fileMemory.has(memoryKey) && externalId)) {
    const recordId = match?.id;
    if (context.duplicatePolicy === 'update') {
      if (match && samePayment(match, order.id, row) && match.method === (textOf(row, 'method') ?? 'other'))
        return { outcome: 'unchanged', recordId: match.id };
      return failed(issue(null, 'imports.payments.error.noUpdate'));
    }
    if (context.duplicatePolicy === 'skip' || externalId)
      return { outcome: 'duplicate', ...(recordId ? { recordId } : {}) };
  }
  const body = {
    orderId: order.id,
    amountFen: numberOf(row, 'amount')!,
    method: (textOf(row, 'method') ?? 'other') as (typeof PAYMENT_METHODS)[number],
    receivedOn: textOf(row, 'receivedOn')!,
    ...(textOf(row, 'reference') ? { reference: textOf(row, 'reference')! } : {}),
    ...(textOf(row, 'notes') ? { notes: textOf(row, 'notes')! } : {}),
  };
  const fieldOf = (f: string) => ({ amountFen: 'amount', orderId: 'orderNo' })[f] ?? f;
  // The dry run runs the real write in a savepoint and rolls it back: every rule is checked as in the run.
  const written = await writeAtomically(
    context,
    async (tx) => {
      const id = await insertPayment(tx, context.actor, body, { audited: false, externalId });
      if (context.mode === 'check') throw new DryRunDone(id);
      return id;
    },
    { fieldOf, notFoundField: 'orderNo' },
  ).catch((error: unknown) => {
    if (error instanceof DryRunDone) return { ok: true as const, value: plannedId(memoryKey) };
    throw error;
  });
  if (!written.ok) return failed(...written.issues);
  context.fileMemory.set(memoryKey, written.value);
  return { outcome: 'created', ...(context.mode === 'run' ? { recordId: written.value } : {}) };
}

/** Thrown to roll back a dry run's write after every rule passed. */
class DryRunDone extends Error {
  constructor(readonly id: string) {
    super('dry run');
  }
}

/**
 * Payments received (回款) against orders by order number: the same rules as recording one by hand
 * (a confirmed, shipped or completed order in the importer's write scope, a positive amount up to
 * what is unpaid, a date not in the future); the order's paid amount and payment plan follow.
 */
export const paymentsImportKind: ImportKind = {
  name: 'payments',
  permission: 'payments.import',
  labelKey: 'imports.payments.label',
  messages,
  fields,
  async importBatch(context, rows) {
    const orders = await findOrdersByNumber(
      context.tx,
      context.actor,
      rows.map((r) => textOf(r, 'orderNo')!),
    );
    const existing = await findPaymentImportMatches(context.tx, context.orgId, {
      externalIds: rows.flatMap((r) => textOf(r, 'externalId') ?? []),
      orderIds: [...orders.values()].map((o) => o.id),
    });
    const results: ImportRowResult[] = [];
    for (const row of rows) results.push(await importRow(context, row, orders, existing));
    return results;
  },
};
