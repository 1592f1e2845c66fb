import type { Db } from '../../platform/db/client.js';
import { analyzeBusinessTables } from '../../platform/db/maintenance.js';
import { createJobRegistry, type JobDefinition, type JobRegistry } from '../../platform/jobs/job-registry.js';
import { computeCustomerValues } from '../customer-value/index.js';
import { computeRelationshipPhases, markLostCustomers, runStuckAlerts } from '../lifecycle/index.js';
import { notifyUsers } from '../notifications/index.js';
import { markOverdueInstallments } from '../payments/index.js';
import { poolJobs, type NotifyUsers } from '../pools/index.js';
import { taskJobs } from '../tasks/index.js';

/** A global job function covers every organization in one run. */
const globalNightly = (
  name: string,
  at: string,
  run: (db: Db, now: Date, orgId: string | null) => Promise<number>,
): JobDefinition => ({
  name,
  scope: 'global',
  schedule: { kind: 'daily', at },
  run: async ({ db, now, orgId }) => ({ processed: await run(db, now, orgId) }),
});

/** Every module's durable jobs, by name (design §6). */
export function createJobCatalog(options: { notify?: NotifyUsers } = {}): JobRegistry {
  return createJobRegistry([
    ...poolJobs({ notify: options.notify ?? notifyUsers }),
    globalNightly('customerValue.compute', '02:30', computeCustomerValues),
    globalNightly('lifecycle.markLost', '03:00', markLostCustomers),
    globalNightly('payments.markOverdue', '01:00', markOverdueInstallments),
    globalNightly('lifecycle.relationshipPhases', '03:30', computeRelationshipPhases),
    globalNightly('lifecycle.stuckAlerts', '08:00', runStuckAlerts),
    // VACUUM/ANALYZE works on whole tables, never on one organization's rows.
    { ...globalNightly('maintenance.analyze', '04:00', analyzeBusinessTables), installationWide: true },
    ...taskJobs(),
  ]);
}
