/** Server messages of the stock module (issue 5); English defines the keys, zh-CN translates each. */
const en = {} as const;

export const stockMessages = {
  en,
  zhCN: {} satisfies Record<keyof typeof en, string>,
};
