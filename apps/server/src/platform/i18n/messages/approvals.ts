/** Server messages of the approvals module (issue 5); English defines the keys, zh-CN translates each. */
const en = {} as const;

export const approvalsMessages = {
  en,
  zhCN: {} satisfies Record<keyof typeof en, string>,
};
