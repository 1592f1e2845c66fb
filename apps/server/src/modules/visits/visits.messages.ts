/** Server messages of visit check-ins; English defines the keys, zh-CN translates each. */
const en = {
  'validation.addressOrPosition': 'is required when no position is given',
  'field.latitude': 'Latitude',
  'field.longitude': 'Longitude',
  'field.logFollowUp': 'Also log a follow-up',
  'export.visits': 'Visits',
  'visitExport.checkedInAt': 'Checked in',
  'visitExport.visitor': 'Salesperson',
  'visitExport.address': 'Address',
  'visitExport.accuracy': 'Location accuracy (m)',
} as const;

export const visitsMessages = {
  en,
  zhCN: {
    'validation.addressOrPosition': '未获取定位时必须填写',
    'field.latitude': '纬度',
    'field.longitude': '经度',
    'field.logFollowUp': '同时记一条跟进',
    'export.visits': '拜访签到',
    'visitExport.checkedInAt': '签到时间',
    'visitExport.visitor': '销售人员',
    'visitExport.address': '地址',
    'visitExport.accuracy': '定位精度（米）',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    visits: typeof visitsMessages.en;
  }
}
