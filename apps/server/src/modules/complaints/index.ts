import type { CreateComplaintBody } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { defineModule } from '../../platform/module-kit/module-definition.js';
import { seedComplaintCategories } from './complaint-settings.service.js';
import { seedDemoComplaints } from './complaints.demo.js';
import { complaintJobs } from './complaints.jobs.js';
import { complaintsMessages } from './complaints.messages.js';
import { complaintsRoutes } from './complaints.routes.js';
import { openComplaintIn } from './complaints.service.js';
export { complaintReach } from './complaints.repository.js';
export { checkComplaintSla } from './complaints.jobs.js';

/**
 * Opens a complaint for a customer from another module (a low-scored return visit, a survey
 * answer …) in the caller's transaction, with the caller's scope checks, SLA clock, assignment
 * rules and notices; `source` names where it came from. Answers the new complaint's id.
 */
export function openComplaint(
  tx: Executor,
  actor: Actor,
  input: CreateComplaintBody & { source: string },
): Promise<string> {
  return openComplaintIn(tx, actor, input);
}

export const complaintsModule = defineModule({
  name: 'complaints',
  messages: complaintsMessages,
  routes: complaintsRoutes,
  jobs: complaintJobs,
  organizationSeed: (tx, { orgId }) => seedComplaintCategories(tx, orgId),
  demoSeed: { after: ['orders'], seed: seedDemoComplaints },
});
