import type { Executor } from '../../platform/db/client.js';
import { computeForOrganization } from './customer-value.job.js';
import { orgTimeZone } from '../../platform/time/index.js';

/**
 * The demo organization's first snapshot, so the pyramid is not empty before the first night.
 * Runs after the order and expense demos, on the seed's transaction.
 */
export async function seedDemoCustomerValues(tx: Executor, { orgId }: { orgId: string }): Promise<void> {
  const timeZone = await orgTimeZone(tx, orgId);
  await computeForOrganization(tx, { orgId, timeZone, now: new Date() });
}
