/** Server messages of the value module (issue 5); English defines the keys, zh-CN translates each. */
const en = {} as const;

export const valueMessages = {
  en,
  zhCN: {} satisfies Record<keyof typeof en, string>,
};
