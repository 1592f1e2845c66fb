import type zhCN from './zh-CN';

/** The same keys as T, any string values: how an English namespace mirrors its zh-CN source. */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The shape every catalog must have: the zh-CN keys, any string values. */
export type Catalog = Strings<typeof zhCN>;
