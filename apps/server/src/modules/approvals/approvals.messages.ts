/** Server messages of the approvals module (issue 5); English defines the keys, zh-CN translates each. */
const en = {
  'field.enabled': 'Enabled',
  'field.requestIds': 'Approval requests',
  'entity.approvalRequest': 'Approval request',
  'entity.approvalFlow': 'Approval flow',
  'error.approval.alreadyPending': 'This is already waiting for approval.',
  'error.approval.notPending': 'This approval request has already ended.',
  'error.approval.alreadyDecided': 'You have already decided this step.',
  'error.approval.notYourStep': 'You are not an approver of the current step of this request.',
  'error.approval.onlySubmitter': 'Only the submitter can withdraw this request.',
  'error.approval.allBoxNeedsManage': 'Only approval administrators can list all approval requests.',
  'validation.approval.unknownRole': 'is not a role of this organization',
  'validation.approval.unknownUser': 'contains a user who does not exist in this organization',
  'validation.approval.roleRequired': 'is required for a role step',
  'validation.approval.usersRequired': 'needs at least one user for a named-users step',
  'approval.defaultStep.manager': 'Direct manager',
  'approval.defaultStep.finance': 'Finance',
  'approval.titleOf.priceBelowAuthority': 'Order {orderNo}: price below authority',
  'approval.titleOf.creditOverride': 'Order {orderNo}: credit override',
  'approval.titleOf.expense': '{submitter} · {amount} · {description}',
  'approval.titleOf.stageTransition': '{customerName}: {from} → {to}',
} as const;

export const approvalsMessages = {
  en,
  zhCN: {
    'field.enabled': '启用',
    'field.requestIds': '审批申请',
    'entity.approvalRequest': '审批申请',
    'entity.approvalFlow': '审批流',
    'error.approval.alreadyPending': '该事项已在审批中。',
    'error.approval.notPending': '该审批申请已结束。',
    'error.approval.alreadyDecided': '您已审批过此步骤。',
    'error.approval.notYourStep': '您不是该申请当前步骤的审批人。',
    'error.approval.onlySubmitter': '只有提交人可以撤回该申请。',
    'error.approval.allBoxNeedsManage': '只有审批管理员可以查看全部审批申请。',
    'validation.approval.unknownRole': '不是本组织的角色',
    'validation.approval.unknownUser': '包含本组织不存在的用户',
    'validation.approval.roleRequired': '角色步骤必须选择角色',
    'validation.approval.usersRequired': '指定人员步骤至少需要一名用户',
    'approval.defaultStep.manager': '直属上级',
    'approval.defaultStep.finance': '财务',
    'approval.titleOf.priceBelowAuthority': '订单 {orderNo}：低于价格权限',
    'approval.titleOf.creditOverride': '订单 {orderNo}：信用放行',
    'approval.titleOf.expense': '{submitter} · {amount} · {description}',
    'approval.titleOf.stageTransition': '{customerName}：{from} → {to}',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    approvals: typeof approvalsMessages.en;
  }
}
