/** Orders and money (issue 5): products screens (zh-CN). */
const productsZhCN = {
  product: {},
};

export default productsZhCN;
