import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { ownershipRoutes } from './ownership.routes.js';
import { poolsRoutes } from './pools.routes.js';

export { createDefaultPool } from './pools.service.js';
/** Ownership changes (assign, return …) for other modules: customer edits and bulk actions. */
export { createOwnershipService, type OwnershipService } from './ownership.service.js';
export { daysUntilReclaim, type ReclaimRules, type ReclaimSubject } from './reclaim-rules.js';
export { poolJobs, findReclaimReminders, type NotifyUsers } from './reclaim.jobs.js';

/** Customer pools (公海) and the ownership actions on customers. */
export const customerPoolsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    await app.register(poolsRoutes({ db }));
    await app.register(ownershipRoutes({ db }));
  };
