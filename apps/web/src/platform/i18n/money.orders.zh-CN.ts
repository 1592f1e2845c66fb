/** Orders and money (issue 5): orders screens (zh-CN). */
const ordersZhCN = {
  order: {},
};

export default ordersZhCN;
