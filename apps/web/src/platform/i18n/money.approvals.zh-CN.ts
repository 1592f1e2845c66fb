/** Orders and money (issue 5): approvals screens (zh-CN). */
const approvalsZhCN = {
  approvalFlow: {},
};

export default approvalsZhCN;
