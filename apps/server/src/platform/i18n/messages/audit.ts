/** Server messages of the audit log (issue 10); English defines the keys, zh-CN translates each. */
const en = {
  'validation.audit.beforeFrom': 'must not be before the start date',
  'field.actorId': 'Person',
  'field.entity': 'Record type',
  'field.entityId': 'Record',
  'field.action': 'Action',
} as const;

export const auditMessages = {
  en,
  zhCN: {
    'validation.audit.beforeFrom': '不能早于开始日期',
    'field.actorId': '操作人',
    'field.entity': '对象类型',
    'field.entityId': '对象',
    'field.action': '操作',
  } satisfies Record<keyof typeof en, string>,
};
