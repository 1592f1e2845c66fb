/** Server messages of customer pools (公海); English defines the keys, zh-CN translates each. */
const en = {
  'error.poolDailyLimit': 'You have claimed {limit} customers today, the daily limit of this pool. Try again tomorrow.',
  'error.poolCooldown':
    'This customer left you for the pool less than {days} days ago. Ask a pool admin to assign it to you.',
  'error.ownershipCap': 'The new owner already holds {cap} customers, the most allowed.',
  'error.customerInPool': 'This customer is in the pool and has no owner.',
  'error.customerOwned': 'This customer already has an owner.',
  'error.sameOwner': 'The customer already belongs to this user.',
  'error.poolNameTaken': 'A pool with this name already exists.',
  'validation.notAllowedNow': 'cannot be claimed now',
  'validation.unknownTier': 'is not a customer tier of this organization',
  'entity.pool': 'Customer pool',
  'export.poolCustomers': 'Pool customers',
  'field.id': 'Customer',
  'field.userId': 'User',
  'field.reason': 'Reason',
  'field.poolId': 'Pool',
  'field.keepAsTeamMember': 'Keep as team member',
  'field.openToAll': 'Open to everyone',
  'field.adminUserIds': 'Pool admins',
  'field.memberUserIds': 'Members',
  'field.memberDepartmentIds': 'Member departments',
  'field.rules': 'Rules',
  'field.visibleFields': 'Visible fields',
} as const;

export const poolsMessages = {
  en,
  zhCN: {
    'error.poolDailyLimit': '您今天已领取 {limit} 个客户，已达本公海的每日领取上限，请明天再试。',
    'error.poolCooldown': '该客户退回公海不足 {days} 天，您暂不能重新领取，可请公海管理员分配给您。',
    'error.ownershipCap': '新负责人名下客户已达上限 {cap} 个。',
    'error.customerInPool': '该客户在公海中，没有负责人。',
    'error.customerOwned': '该客户已有负责人。',
    'error.sameOwner': '该客户已属于此用户。',
    'error.poolNameTaken': '已存在同名公海。',
    'validation.notAllowedNow': '现在不能领取',
    'validation.unknownTier': '不是本组织的客户等级',
    'entity.pool': '公海',
    'export.poolCustomers': '公海客户',
    'field.id': '客户',
    'field.userId': '用户',
    'field.reason': '原因',
    'field.poolId': '公海',
    'field.keepAsTeamMember': '保留为团队成员',
    'field.openToAll': '对所有人开放',
    'field.adminUserIds': '公海管理员',
    'field.memberUserIds': '成员',
    'field.memberDepartmentIds': '成员部门',
    'field.rules': '规则',
    'field.visibleFields': '领取前可见字段',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    pools: typeof poolsMessages.en;
  }
}
