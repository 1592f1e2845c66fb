import type { Strings } from './catalog';
import type paymentsZhCN from './money.payments.zh-CN';

/** Orders and money (issue 5): payments screens (en). */
const paymentsEn: Strings<typeof paymentsZhCN> = {
  payment: {},
};

export default paymentsEn;
