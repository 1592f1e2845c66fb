/** Server messages of the expenses module (issue 5); English defines the keys, zh-CN translates each. */
const en = {} as const;

export const expensesMessages = {
  en,
  zhCN: {} satisfies Record<keyof typeof en, string>,
};
