import { IMPORTABLE_ORDER_STATUSES, DEFAULT_ORDER_STATUS_MAP } from '../orders/index.js';
import {
  CUSTOMER_REFERENCE_FIELDS,
  defineFields,
  externalIdField,
  type FieldDefinition,
} from './import-field-catalog.js';
import { PRODUCT_CODE } from './products.import-fields.js';

const STATUS_NAMES: Record<(typeof IMPORTABLE_ORDER_STATUSES)[number], { en: string; zh: string }> = {
  draft: { en: 'Draft', zh: '草稿' },
  submitted: { en: 'Awaiting confirmation', zh: '待确认' },
  confirmed: { en: 'Confirmed', zh: '已确认' },
  shipped: { en: 'Shipped', zh: '已发货' },
  completed: { en: 'Completed', zh: '已完成' },
  cancelled: { en: 'Cancelled', zh: '已取消' },
};

/** The default value map (Shipped, Disputed, Resolved, On Hold …) as option synonyms the user may override. */
const statusOptions = IMPORTABLE_ORDER_STATUSES.map((value) => ({
  value,
  ...STATUS_NAMES[value],
  synonyms: Object.entries(DEFAULT_ORDER_STATUS_MAP)
    .filter(([, to]) => to === value)
    .map(([from]) => from),
}));

/** Order-level and line fields of an order file: one row per order line, grouped by order number. */
export const ORDER_FIELD_DEFINITIONS: readonly FieldDefinition[] = [
  externalIdField('Order external ID', '订单外部编号'),
  {
    key: 'orderNo',
    type: 'text',
    required: true,
    maxLength: 32,
    en: 'Order No.',
    zh: '订单号',
    hintEn: 'Lines with the same order number make one order; the number is kept when it is free.',
    hintZh: '订单号相同的行合为一张订单；订单号未被占用时保留原号。',
    synonyms: [
      '单号',
      '订单编号',
      '销售单号',
      '销售订单号',
      '单据编号',
      'Order No',
      'Order Number',
      'ORDERNUMBER',
      'SO No',
      'SO Number',
      'Sales Order',
    ],
  },
  {
    key: 'orderDate',
    type: 'date',
    en: 'Order date',
    zh: '订单日期',
    hintEn: 'Defaults to today.',
    hintZh: '为空时默认为今天。',
    synonyms: ['下单日期', '单据日期', '销售日期', '日期', 'Order Date', 'ORDERDATE', 'Date'],
  },
  {
    key: 'status',
    type: 'enum',
    en: 'Order status',
    zh: '订单状态',
    hintEn:
      'Empty cells import as Confirmed; purchases (confirmed, shipped, completed) move the customer’s lifecycle stage.',
    hintZh: '为空时按“已确认”导入；已确认、已发货、已完成的订单会推动客户阶段。',
    synonyms: ['状态', '单据状态', 'Status', 'STATUS', 'Order Status'],
    options: statusOptions,
  },
  {
    key: 'currency',
    type: 'text',
    maxLength: 3,
    en: 'Currency',
    zh: '币种',
    synonyms: ['货币', '币别', 'Currency Code'],
  },
  {
    key: 'notes',
    type: 'text',
    maxLength: 1000,
    en: 'Order notes',
    zh: '订单备注',
    synonyms: ['备注', '说明', 'Notes', 'Remarks', 'Comments'],
  },
  ...CUSTOMER_REFERENCE_FIELDS,
  {
    key: 'lineNo',
    type: 'integer',
    en: 'Line No.',
    zh: '行号',
    synonyms: ['序号', '明细行号', '项次', 'Line No', 'Line Number', 'ORDERLINENUMBER', 'Item'],
  },
  { key: 'productCode', required: true, ...PRODUCT_CODE },
  {
    key: 'quantity',
    type: 'integer',
    required: true,
    en: 'Quantity',
    zh: '数量',
    synonyms: ['订购数量', '销售数量', '订货数量', 'Qty', 'Quantity', 'QUANTITYORDERED', 'Quantity Ordered'],
  },
  {
    key: 'unitPrice',
    type: 'money',
    en: 'Unit price',
    zh: '单价',
    hintEn: 'Defaults to the product’s list price.',
    hintZh: '为空时取产品标准价。',
    synonyms: ['销售单价', '成交单价', '含税单价', '单价(元)', 'Unit Price', 'Price', 'PRICEEACH', 'Price Each'],
  },
  {
    key: 'discountPercent',
    type: 'number',
    en: 'Discount (% off)',
    zh: '折扣率(%)',
    hintEn: '10 means 10 % off the unit price.',
    hintZh: '10 表示在单价基础上优惠 10%。',
    synonyms: ['折扣率', '优惠比例', 'Discount %', 'Discount Percent', 'Discount'],
  },
  {
    key: 'amount',
    type: 'money',
    en: 'Line amount',
    zh: '金额',
    hintEn: 'When quantity × unit price differs from it, the amount wins and the unit price is derived from it.',
    hintZh: '与“数量 × 单价”不一致时以金额为准，单价按金额反算。',
    synonyms: [
      '行金额',
      '销售额',
      '销售金额',
      '小计',
      '价税合计',
      '金额(元)',
      'Amount',
      'Line Total',
      'Line Amount',
      'Sales',
      'SALES',
      'Total',
    ],
  },
];

export const ORDER_MESSAGES_EXTRA = {
  en: {
    'imports.orders.error.orderConflict':
      'Lines of order {orderNo} disagree: “{expected}” on its first line, “{actual}” here',
    'imports.orders.error.orderRefused': 'Order {orderNo} was not imported because of row {row}',
    'imports.orders.error.onlyDrafts': 'Order {orderNo} exists and is no longer a draft; only drafts can be updated',
    'imports.orders.error.tooManyLines': 'An order has at most {max} lines',
  },
  zhCN: {
    'imports.orders.error.orderConflict': '订单 {orderNo} 的各行不一致：首行为“{expected}”，此行为“{actual}”',
    'imports.orders.error.orderRefused': '订单 {orderNo} 因第 {row} 行有误未导入',
    'imports.orders.error.onlyDrafts': '订单 {orderNo} 已存在且不是草稿，只有草稿订单可以更新',
    'imports.orders.error.tooManyLines': '一张订单最多 {max} 行',
  },
};

const { fields, messages } = defineFields(
  'orders',
  { en: 'Orders with lines', zh: '订单（含明细）' },
  ORDER_FIELD_DEFINITIONS,
  ORDER_MESSAGES_EXTRA,
);
export const ORDER_FIELDS = fields;
export const ordersImportMessages = messages;
