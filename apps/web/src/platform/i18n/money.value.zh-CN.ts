/** Orders and money (issue 5): value screens (zh-CN). */
const valueZhCN = {
  customerValue: {},
};

export default valueZhCN;
