/** Server messages of follow-ups; English defines the keys, zh-CN translates each. */
const en = {
  'entity.followUp': 'Follow-up',
  'validation.oneParent': 'give exactly one of customer or lead',
  'validation.contactOfCustomer': 'must be contacts of this customer',
  'field.nextContactAt': 'Next contact time',
  'field.occurredAt': 'Time',
  'field.contactIds': 'Contacts',
  'field.type': 'Type',
  'field.content': 'Content',
  'field.leadId': 'Lead',
  'export.followUps': 'Follow-ups',
} as const;

export const followUpsMessages = {
  en,
  zhCN: {
    'entity.followUp': '跟进记录',
    'validation.oneParent': '客户与线索须且只能填写一个',
    'validation.contactOfCustomer': '必须是该客户的联系人',
    'field.nextContactAt': '下次联系时间',
    'field.occurredAt': '跟进时间',
    'field.contactIds': '联系人',
    'field.type': '跟进方式',
    'field.content': '跟进内容',
    'field.leadId': '线索',
    'export.followUps': '跟进记录',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    'follow-ups': typeof followUpsMessages.en;
  }
}
