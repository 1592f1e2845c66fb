/** Server messages for malformed input (security B2, issue 10); English defines the keys. */
const en = {
  'validation.number': 'must be a number within the allowed range',
  'validation.tooDeep': 'is nested too deeply',
  'validation.month': 'must be a month from 1900 to 2999 (YYYY-MM)',
  'field.path': 'Request address',
  'error.pageNotFound': 'There is no such page.',
} as const;

export const inputMessages = {
  en,
  zhCN: {
    'validation.number': '应为允许范围内的数字',
    'validation.tooDeep': '嵌套层级过深',
    'validation.month': '应为 1900–2999 年之间的月份（YYYY-MM）',
    'field.path': '请求地址',
    'error.pageNotFound': '页面不存在。',
  } satisfies Record<keyof typeof en, string>,
};
