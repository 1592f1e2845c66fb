import type { Strings } from './catalog';
import type valueZhCN from './money.value.zh-CN';

/** Orders and money (issue 5): value screens (en). */
const valueEn: Strings<typeof valueZhCN> = {
  customerValue: {},
};

export default valueEn;
