/** Orders and money (issue 5): expenses screens (zh-CN). */
const expensesZhCN = {
  expense: {},
};

export default expensesZhCN;
