/** Orders and money (issue 5): payments screens (zh-CN). */
const paymentsZhCN = {
  payment: {},
};

export default paymentsZhCN;
