/** Server messages of the orders module (issue 5); English defines the keys, zh-CN translates each. */
const en = {} as const;

export const ordersMessages = {
  en,
  zhCN: {} satisfies Record<keyof typeof en, string>,
};
