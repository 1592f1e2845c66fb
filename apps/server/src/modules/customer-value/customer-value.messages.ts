/** Server messages of the value module (issue 5); English defines the keys, zh-CN translates each. */
const en = {
  'validation.value.periodOrder': 'must not be after the end date',
  'field.abcClass': 'ABC class',
  'field.pyramidTier': 'Pyramid tier (computed)',
  'export.profitContribution': 'Profit contribution',
  'export.customerPyramid': 'Customer pyramid',
  'valueExport.rank': 'Rank',
  'valueExport.ordersCount': 'Orders',
  'valueExport.revenue': 'Revenue (yuan)',
  'valueExport.cost': 'Cost (yuan)',
  'valueExport.grossProfit': 'Gross profit (yuan)',
  'valueExport.expenses': 'Allocated expenses (yuan)',
  'valueExport.profit': 'Profit contribution (yuan)',
  'valueExport.margin': 'Margin (%)',
  'valueExport.dimension': 'Classification',
  'valueExport.group': 'Class',
  'valueExport.customers': 'Customers',
  'valueExport.revenueShare': 'Revenue share (%)',
  'valueDimension.tier': 'Value tier',
  'valueDimension.abc': 'ABC class',
  'pyramidTier.platinum': 'Platinum',
  'pyramidTier.gold': 'Gold',
  'pyramidTier.iron': 'Iron',
  'pyramidTier.lead': 'Lead',
  'abcClass.A': 'Class A',
  'abcClass.B': 'Class B',
  'abcClass.C': 'Class C',
} as const;

export const valueMessages = {
  en,
  zhCN: {
    'validation.value.periodOrder': '不能晚于结束日期',
    'field.abcClass': 'ABC 分类',
    'field.pyramidTier': '金字塔层级（系统计算）',
    'export.profitContribution': '客户利润贡献',
    'export.customerPyramid': '客户金字塔',
    'valueExport.rank': '排名',
    'valueExport.ordersCount': '订单数',
    'valueExport.revenue': '销售额（元）',
    'valueExport.cost': '成本（元）',
    'valueExport.grossProfit': '毛利（元）',
    'valueExport.expenses': '分摊费用（元）',
    'valueExport.profit': '利润贡献（元）',
    'valueExport.margin': '贡献率（%）',
    'valueExport.dimension': '分类方式',
    'valueExport.group': '等级',
    'valueExport.customers': '客户数',
    'valueExport.revenueShare': '销售额占比（%）',
    'valueDimension.tier': '价值等级',
    'valueDimension.abc': 'ABC 分类',
    'pyramidTier.platinum': '铂金',
    'pyramidTier.gold': '黄金',
    'pyramidTier.iron': '铁',
    'pyramidTier.lead': '铅',
    'abcClass.A': 'A 类',
    'abcClass.B': 'B 类',
    'abcClass.C': 'C 类',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    'customer-value': typeof valueMessages.en;
  }
}
