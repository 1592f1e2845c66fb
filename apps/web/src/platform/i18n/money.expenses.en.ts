import type { Strings } from './catalog';
import type expensesZhCN from './money.expenses.zh-CN';

/** Orders and money (issue 5): expenses screens (en). */
const expensesEn: Strings<typeof expensesZhCN> = {
  expense: {},
};

export default expensesEn;
