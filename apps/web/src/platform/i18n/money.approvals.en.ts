import type { Strings } from './catalog';
import type approvalsZhCN from './money.approvals.zh-CN';

/** Orders and money (issue 5): approvals screens (en). */
const approvalsEn: Strings<typeof approvalsZhCN> = {
  approvalFlow: {},
};

export default approvalsEn;
