/** Server messages of the payments module (issue 5); English defines the keys, zh-CN translates each. */
const en = {} as const;

export const paymentsMessages = {
  en,
  zhCN: {} satisfies Record<keyof typeof en, string>,
};
