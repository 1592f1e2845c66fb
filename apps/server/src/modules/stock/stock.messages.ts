/** Server messages of the stock module (issue 5); English defines the keys, zh-CN translates each. */
const en = {
  'error.stock.short': 'Not enough stock of {product}: {available} available, {requested} requested.',
  'error.stock.warehouseCodeTaken': 'A warehouse with this code already exists.',
  'error.stock.defaultInactive': 'The default warehouse must be active.',
  'validation.stock.sameWarehouse': 'must be a different warehouse than the source',
  'validation.stock.reasonRequired': 'is required for this kind of movement',
  'validation.stock.quantity': 'must be a whole number greater than 0 (adjustments: any non-zero whole number)',
  'validation.stock.inactive': 'is not an active record',
  'validation.stock.onHandLimit': 'would take the stock on hand above {limit} units',
  'entity.warehouse': 'Warehouse',
  'field.warehouseId': 'Warehouse',
  'field.toWarehouseId': 'Target warehouse',
  'field.isDefault': 'Default',
  'field.lowOnly': 'Low stock only',
  'field.productId': 'Product',
  'field.quantity': 'Quantity',
} as const;

export const stockMessages = {
  en,
  zhCN: {
    'error.stock.short': '{product} 库存不足：可用 {available}，需要 {requested}。',
    'error.stock.warehouseCodeTaken': '已存在相同编码的仓库。',
    'error.stock.defaultInactive': '默认仓库必须是启用状态。',
    'validation.stock.sameWarehouse': '必须与来源仓库不同',
    'validation.stock.reasonRequired': '此类出入库必须填写',
    'validation.stock.quantity': '必须是大于 0 的整数（调整：非零整数）',
    'validation.stock.inactive': '不是启用中的记录',
    'validation.stock.onHandLimit': '会使库存超过上限 {limit}',
    'entity.warehouse': '仓库',
    'field.warehouseId': '仓库',
    'field.toWarehouseId': '目标仓库',
    'field.isDefault': '默认',
    'field.lowOnly': '仅看低库存',
    'field.productId': '产品',
    'field.quantity': '数量',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    stock: typeof stockMessages.en;
  }
}
