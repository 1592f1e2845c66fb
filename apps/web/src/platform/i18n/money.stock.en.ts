import type { Strings } from './catalog';
import type stockZhCN from './money.stock.zh-CN';

/** Orders and money (issue 5): stock screens (en). */
const stockEn: Strings<typeof stockZhCN> = {
  stock: {},
};

export default stockEn;
