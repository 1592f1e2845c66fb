/** Server messages of leads and lead pools; English defines the keys, zh-CN translates each. */
const en = {
  'entity.leadPool': 'Lead pool',
  'error.leadConverted': 'This lead has already been converted; it cannot be converted or changed again.',
  'error.leadInvalid': 'This lead is marked invalid.',
  'error.leadTaken': 'This lead already has an owner.',
  'error.leadPoolNameTaken': 'A lead pool with this name already exists.',
  'error.leadPoolNotEmpty': 'The lead pool still holds leads.',
  'error.unknownLeadPool': 'The lead pool does not exist.',
  'validation.oneUserForEach': 'must name exactly one user when every lead goes to the same person',
  'field.companyName': 'Company name',
  'field.description': 'Description',
  'field.leadIds': 'Leads',
  'field.userIds': 'Salespeople',
  'field.mode': 'Assignment mode',
  'field.createContact': 'Create contact',
  'field.customer': 'Customer',
  'export.leads': 'Leads',
  'column.convertedAt': 'Converted',
  'leadStatus.new': 'Unassigned',
  'leadStatus.assigned': 'Assigned',
  'leadStatus.converted': 'Converted',
  'leadStatus.invalid': 'Invalid',
} as const;

export const leadsMessages = {
  en,
  zhCN: {
    'entity.leadPool': '线索池',
    'error.leadConverted': '该线索已转化，不能再次转化或修改。',
    'error.leadInvalid': '该线索已标记为无效。',
    'error.leadTaken': '该线索已有负责人。',
    'error.leadPoolNameTaken': '已存在同名的线索池。',
    'error.leadPoolNotEmpty': '该线索池中仍有线索。',
    'error.unknownLeadPool': '线索池不存在。',
    'validation.oneUserForEach': '全部分给同一人时只能指定一位用户',
    'field.companyName': '公司名称',
    'field.description': '描述',
    'field.leadIds': '线索',
    'field.userIds': '销售员',
    'field.mode': '分配方式',
    'field.createContact': '创建联系人',
    'field.customer': '客户',
    'export.leads': '线索',
    'column.convertedAt': '转化时间',
    'leadStatus.new': '待分配',
    'leadStatus.assigned': '已分配',
    'leadStatus.converted': '已转化',
    'leadStatus.invalid': '无效',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    leads: typeof leadsMessages.en;
  }
}
