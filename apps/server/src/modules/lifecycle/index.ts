import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import type { ListExports } from '../../platform/export/index.js';
import { lifecycleSettingsRoutes } from './lifecycle.routes.js';
import { stageTransitionsRoutes } from './stage-transitions.routes.js';
import { stageStrategiesRoutes } from './stage-strategies.routes.js';
import { seedStageStrategyDefaults } from './stage-strategies.defaults.js';
import { defineModule } from '../../platform/module-kit/module-definition.js';
import { lifecycleMessages } from './lifecycle.messages.js';
import { nightlyGlobalJob } from '../../platform/jobs/job-registry.js';
import { subscribeLifecycleRules } from './automation.js';
import { seedLifecycleDefaults } from './lifecycle.defaults.js';
import { stageTransitionApprovals } from './lifecycle.approvals.js';
import { markLostCustomers, runStuckAlerts } from './lifecycle.jobs.js';

export { seedLifecycleDefaults, DEFAULT_STAGES, DEFAULT_APPROVAL_RULES } from './lifecycle.defaults.js';
export { subscribeLifecycleRules } from './automation.js';
/** Nightly job functions; the jobs module schedules them as durable jobs. */
export { markLostCustomers, runStuckAlerts } from './lifecycle.jobs.js';
export { RULES as LIFECYCLE_RULES } from './lifecycle.rules.js';
/** Manual moves (with approval where configured) and the stage settings, for the customers module's bulk actions and views. */
export { createStageTransitionsService, type MoveResult } from './transitions.service.js';
export { getLifecycleSettings } from './settings.service.js';
/** The stages a new customer may start in (no approval skipped), for every path that creates customers. */
export { assertStageOpenAtCreation, stagesOpenAtCreation } from './creation-stage.js';
/** Per-stage strategies (issue 13): the list's "follow-up overdue" cadences and first-order care for orders. */
export { followUpCadences, firstOrderCareOf } from './stage-strategies.js';

/** Routes of the lifecycle: settings, board, transition log, manual moves and approvals. */
const lifecycleRoutes =
  ({ db, listExports }: { db: Db; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    await app.register(lifecycleSettingsRoutes({ db, listExports }));
    await app.register(stageTransitionsRoutes({ db }));
    await app.register(stageStrategiesRoutes({ db }));
  };

export const lifecycleModule = defineModule({
  name: 'lifecycle',
  messages: lifecycleMessages,
  routes: lifecycleRoutes,
  subscribe: subscribeLifecycleRules,
  jobs: () => [
    nightlyGlobalJob('lifecycle.markLost', '03:00', markLostCustomers),
    nightlyGlobalJob('lifecycle.stuckAlerts', '08:00', runStuckAlerts),
  ],
  organizationSeed: async (tx, { orgId, locale }) => {
    await seedLifecycleDefaults(tx, orgId);
    await seedStageStrategyDefaults(tx, orgId, locale);
  },
  approvals: [stageTransitionApprovals],
});
