import type zhCN from './zh-CN';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The shape every catalog must have: the zh-CN keys, any string values. */
export type Catalog = Strings<typeof zhCN>;
