import type { Strings } from './catalog';
import type ordersZhCN from './money.orders.zh-CN';

/** Orders and money (issue 5): orders screens (en). */
const ordersEn: Strings<typeof ordersZhCN> = {
  order: {},
};

export default ordersEn;
