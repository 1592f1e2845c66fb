/** Server messages of the products module (issue 5); English defines the keys, zh-CN translates each. */
const en = {} as const;

export const productsMessages = {
  en,
  zhCN: {} satisfies Record<keyof typeof en, string>,
};
