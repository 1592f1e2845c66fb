/**
 * Server messages of sign-in by organization, organization codes, system operators and password
 * rules (issue 10); English defines the keys, zh-CN translates each.
 */
const en = {
  'error.organizationRequired': 'Several organizations use this system: enter your organization code.',
  'error.organizationCodeTaken': 'Another organization already uses this code.',
  'error.operatorOnlyJob':
    'This job works on every organization of the installation; only a system operator may run it.',
  'validation.organizationCode':
    'must be 2–32 lower-case letters, digits or hyphens, starting and ending with a letter or digit',
  'validation.organizationCodeTaken': 'is already used by another organization',
  'validation.passwordBlank': 'must not consist of spaces only',
  'validation.passwordContainsName':
    'must not contain “{word}” (the username, the organization name or code, or the product name)',
  'field.organization': 'Organization code',
  'entity.organization': 'Organization',
} as const;

export const tenancyMessages = {
  en,
  zhCN: {
    'error.organizationRequired': '本系统有多个组织，请填写组织代码。',
    'error.organizationCodeTaken': '该代码已被其他组织使用。',
    'error.operatorOnlyJob': '此任务作用于整个系统的所有组织，只有系统运维人员可以运行。',
    'validation.organizationCode': '须为 2–32 位小写字母、数字或连字符，且以字母或数字开头和结尾',
    'validation.organizationCodeTaken': '已被其他组织使用',
    'validation.passwordBlank': '不能只包含空格',
    'validation.passwordContainsName': '不能包含“{word}”（用户名、组织名称或代码、产品名称）',
    'field.organization': '组织代码',
    'entity.organization': '组织',
  } satisfies Record<keyof typeof en, string>,
};
