/** Server messages of the member program; English defines the keys, zh-CN translates each. */
const en = {
  'entity.member': 'Member',
  'entity.memberLevel': 'Member level',
  'field.levelId': 'Member level',
  'field.storeId': 'Store',
  'field.joinedFrom': 'Joined from',
  'field.joinedTo': 'Joined to',
  'field.joinedOn': 'Joined on',
  'field.cardNo': 'Card number',
  'field.points': 'Points',
  'field.threshold': 'Growth points threshold',
  'field.birthdayGift': 'Birthday gift',
  'field.adjustApprovalThreshold': 'Adjustments needing approval above (points)',
  'field.expiryMonths': 'Points expire after (months)',
  'validation.pointsAboveBalance': 'is more than the balance of {balance} points',
  'validation.pointsNonZero': 'must not be zero',
  'validation.memberPersonOnly': 'must be a person (B2C) customer',
  'validation.unknownStore': 'is not a department of this organization',
  'validation.cardTaken': 'is already used by another member',
  'validation.thresholdTaken': 'is already the threshold of another level',
  'validation.entryLevelThreshold': 'of the entry level stays 0',
  'error.member.alreadyMember': 'This customer is already a member',
  'member.approvalTitle.adjust': 'Points adjustment {points} for member {memberNo}',
} as const;

export const membersMessages = {
  en,
  zhCN: {
    'entity.member': '会员',
    'entity.memberLevel': '会员等级',
    'field.levelId': '会员等级',
    'field.storeId': '门店',
    'field.joinedFrom': '入会日期起',
    'field.joinedTo': '入会日期止',
    'field.joinedOn': '入会日期',
    'field.cardNo': '会员卡号',
    'field.points': '积分',
    'field.threshold': '成长值门槛',
    'field.birthdayGift': '生日礼',
    'field.adjustApprovalThreshold': '积分调整超过（分）需审批',
    'field.expiryMonths': '积分有效期（月）',
    'validation.pointsAboveBalance': '超过可用积分 {balance}',
    'validation.pointsNonZero': '不能为 0',
    'validation.memberPersonOnly': '必须是个人（B2C）客户',
    'validation.unknownStore': '不是本组织的部门',
    'validation.cardTaken': '已被其他会员使用',
    'validation.thresholdTaken': '与其他等级的门槛相同',
    'validation.entryLevelThreshold': '入门等级的门槛须为 0',
    'error.member.alreadyMember': '该客户已是会员',
    'member.approvalTitle.adjust': '会员 {memberNo} 积分调整 {points}',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    members: typeof membersMessages.en;
  }
}
