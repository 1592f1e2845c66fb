/** Orders and money (issue 5): stock screens (zh-CN). */
const stockZhCN = {
  stock: {},
};

export default stockZhCN;
