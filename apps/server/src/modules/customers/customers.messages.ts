/** Server messages of customers and contacts; English defines the keys, zh-CN translates each. */
const en = {
  'validation.notForKind': 'does not apply to this type of customer',
  'validation.tooManyTags': 'would be more than {limit} on this customer',
  'field.creditCode': 'Unified social credit code',
  'field.scale': 'Company size',
  'field.website': 'Website',
  'field.gender': 'Gender',
  'field.birthday': 'Birthday',
  'field.tags': 'Tags',
  'field.tag': 'Tag',
  'field.followUpOverdue': 'Follow-up overdue',
  'field.province': 'Province',
  'field.district': 'District',
  'field.regionCode': 'Region code',
  'field.createdFrom': 'Created from',
  'field.createdTo': 'Created until',
  'field.updatedFrom': 'Updated from',
  'field.updatedTo': 'Updated until',
  'field.excludeId': 'Excluded record',
  'field.customerIds': 'Customers',
  'field.days': 'Days',
  'field.daysInStageMin': 'Days in current stage (at least)',
  'field.daysInStageMax': 'Days in current stage (at most)',
  'export.customers': 'Customers',
  'column.customerNo': 'Customer no.',
  'column.customerName': 'Customer name',
  'column.customerKind': 'Customer type',
  'column.daysInStage': 'Days in current stage',
} as const;

export const customersMessages = {
  en,
  zhCN: {
    'validation.tooManyTags': '将超过每个客户 {limit} 个的上限',
    'validation.notForKind': '不适用于该类型的客户',
    'field.creditCode': '统一社会信用代码',
    'field.scale': '企业规模',
    'field.website': '网站',
    'field.gender': '性别',
    'field.birthday': '生日',
    'field.tags': '标签',
    'field.tag': '标签',
    'field.followUpOverdue': '跟进逾期',
    'field.province': '省份',
    'field.district': '区县',
    'field.regionCode': '行政区划代码',
    'field.createdFrom': '创建时间起',
    'field.createdTo': '创建时间止',
    'field.updatedFrom': '更新时间起',
    'field.updatedTo': '更新时间止',
    'field.excludeId': '排除的记录',
    'field.customerIds': '客户',
    'field.days': '天数',
    'field.daysInStageMin': '在当前阶段天数（至少）',
    'field.daysInStageMax': '在当前阶段天数（至多）',
    'export.customers': '客户',
    'column.customerNo': '客户编号',
    'column.customerName': '客户名称',
    'column.customerKind': '客户类型',
    'column.daysInStage': '在当前阶段天数',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    customers: typeof customersMessages.en;
  }
}
