import type { Strings } from './catalog';
import type productsZhCN from './money.products.zh-CN';

/** Orders and money (issue 5): products screens (en). */
const productsEn: Strings<typeof productsZhCN> = {
  product: {},
};

export default productsEn;
