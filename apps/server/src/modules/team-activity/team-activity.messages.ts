/** Server messages of the team view's exports; English defines the keys, zh-CN translates each. */
const en = {
  'export.teamActivity': 'Team activity',
  'export.neglectedCustomers': 'Neglected customers',
  'teamExport.member': 'Member',
  'teamExport.periodStart': 'Period from',
  'teamExport.followUps': 'Follow-ups',
  'teamExport.visits': 'Visits',
  'teamExport.total': 'Team total',
  'teamExport.days7': '7+ days',
  'teamExport.days15': '15+ days',
  'teamExport.days30': '30+ days',
  'teamExport.days90': '90+ days',
  'teamExport.days180': '180+ days',
} as const;

export const teamActivityMessages = {
  en,
  zhCN: {
    'export.teamActivity': '团队动态',
    'export.neglectedCustomers': '久未跟进客户',
    'teamExport.member': '成员',
    'teamExport.periodStart': '周期开始',
    'teamExport.followUps': '跟进次数',
    'teamExport.visits': '拜访次数',
    'teamExport.total': '团队合计',
    'teamExport.days7': '7 天以上',
    'teamExport.days15': '15 天以上',
    'teamExport.days30': '30 天以上',
    'teamExport.days90': '90 天以上',
    'teamExport.days180': '180 天以上',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    'team-activity': typeof teamActivityMessages.en;
  }
}
