import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import type { ListExports } from '../../platform/export/index.js';
import { ownershipRoutes } from './ownership.routes.js';
import { poolsRoutes } from './pools.routes.js';
import { defineModule } from '../../platform/module-kit/module-definition.js';
import { poolsMessages } from './pools.messages.js';
import { notifyUsers } from '../notifications/index.js';
import { poolJobs } from './reclaim.jobs.js';
import { createDefaultPool } from './pools.service.js';

/** Ownership changes (assign, return …) for other modules: customer edits and bulk actions. */
export { createOwnershipService, type OwnershipService } from './ownership.service.js';
/** A customer's ownership and days until reclaim, as the ownership endpoint answers it. */
export { createPoolCustomersService } from './pool-customers.service.js';
export { ownedCustomers } from './ownership.handover.js';
export { daysUntilReclaim, type ReclaimRules, type ReclaimSubject } from './reclaim-rules.js';
export { findReclaimReminders, type NotifyUsers } from './reclaim.jobs.js';
export { reclaimDaysOf, type ReclaimListRow } from './reclaim-days.js';
export { isCustomerPool } from './pool-lookup.js';
export { assertActiveUser } from './ownership-rules.js';

/** Customer pools (公海) and the ownership actions on customers. */
const customerPoolsRoutes =
  ({ db, listExports }: { db: Db; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    await app.register(poolsRoutes({ db, listExports }));
    await app.register(ownershipRoutes({ db }));
  };

export const poolsModule = defineModule({
  name: 'pools',
  messages: poolsMessages,
  routes: customerPoolsRoutes,
  jobs: () => poolJobs({ notify: notifyUsers }),
  organizationSeed: async (tx, organization) => {
    await createDefaultPool(tx, organization);
  },
});
