/** The member program (会员, issue 15 item 4): members, points ledger, levels, benefits and analytics. */
import { nightlyGlobalJob } from '../../platform/jobs/job-registry.js';
import { defineModule } from '../../platform/module-kit/module-definition.js';
import { pointsAdjustmentApprovals } from './members.approvals.js';
import { seedDemoMembers } from './members.demo.js';
import { expireMemberPoints, recomputeMemberLevels } from './members.jobs.js';
import { seedMemberLevels } from './members.levels.js';
import { membersMessages } from './members.messages.js';
import { subscribeOrderPoints } from './members.order-points.js';
import { membersRoutes } from './members.routes.js';
import { memberDiscountBp } from './members.benefits.js';

export { expireMemberPoints, recomputeMemberLevels } from './members.jobs.js';
/** A customer's member discount in basis points (0 when not a member), for price checks. */
export { memberDiscountBp } from './members.benefits.js';

export const membersModule = defineModule({
  name: 'members',
  messages: membersMessages,
  routes: membersRoutes,
  subscribe: subscribeOrderPoints,
  approvals: [pointsAdjustmentApprovals],
  customerDiscounts: memberDiscountBp,
  jobs: () => [
    nightlyGlobalJob('members.expirePoints', '01:30', expireMemberPoints),
    // After expiry, so a level reflects the night's growth points.
    nightlyGlobalJob('members.levels', '01:45', recomputeMemberLevels),
  ],
  organizationSeed: (tx, { orgId }) => seedMemberLevels(tx, orgId),
  demoSeed: { after: ['orders', 'payments'], seed: (tx, { orgId }) => seedDemoMembers(tx, { orgId }) },
});
