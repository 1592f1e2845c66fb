/** Server messages of the products module (issue 5); English defines the keys, zh-CN translates each. */
const en = {
  'entity.product': 'Product',
  'entity.productCategory': 'Product category',
  'error.product.codeTaken': 'Another product already uses this code.',
  'error.product.unknownCategory': 'The product category does not exist.',
  'error.product.categoryCycle': 'A category cannot be moved under itself or one of its sub-categories.',
  'error.product.categoryInUse': 'The category still has products or sub-categories. Move or delete them first.',
  'error.priceAuthority.unknownRole': 'The role does not exist in this organization.',
  'error.priceAuthority.duplicateRow': 'Each role may have only one rule per stage.',
  'validation.productCodeTaken': 'is already used by another product',
  'field.categoryId': 'Category',
  'field.unit': 'Unit',
  'field.specification': 'Specification',
  'field.listPriceFen': 'List price',
  'field.costPriceFen': 'Cost price',
  'field.active': 'Active',
  'field.sortOrder': 'Sort order',
  'field.repurchaseDays': 'Repurchase interval (days)',
  'export.products': 'Products',
  'column.listPriceYuan': 'List price (yuan)',
  'column.costPriceYuan': 'Cost price (yuan)',
} as const;

export const productsMessages = {
  en,
  zhCN: {
    'entity.product': '产品',
    'entity.productCategory': '产品分类',
    'error.product.codeTaken': '已有其他产品使用该编码。',
    'error.product.unknownCategory': '产品分类不存在。',
    'error.product.categoryCycle': '分类不能移动到自身或其子分类之下。',
    'error.product.categoryInUse': '该分类下仍有产品或子分类，请先移走或删除。',
    'error.priceAuthority.unknownRole': '该角色在本组织中不存在。',
    'error.priceAuthority.duplicateRow': '同一角色在同一阶段只能有一条规则。',
    'validation.productCodeTaken': '已被其他产品使用',
    'field.categoryId': '分类',
    'field.unit': '单位',
    'field.specification': '规格',
    'field.listPriceFen': '标准售价',
    'field.costPriceFen': '成本价',
    'field.active': '启用',
    'field.sortOrder': '排序',
    'field.repurchaseDays': '复购周期（天）',
    'export.products': '产品',
    'column.listPriceYuan': '目录价（元）',
    'column.costPriceYuan': '成本价（元）',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    products: typeof productsMessages.en;
  }
}
