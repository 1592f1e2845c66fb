import { DEFAULT_CURRENCY } from '@guanxi/contract';
import type { Db, Executor } from '../../platform/db/client.js';
import { addDays, localDateOf } from '../../platform/time/index.js';
import { rfmRepository } from './rfm.repository.js';
import { snapshotRepository } from './snapshot.repository.js';
import { getValueBounds } from './value-bounds.js';
import { contributionRange, trailingYear } from './value-period.js';

/**
 * Nightly `customerValue.compute`: per organization, the customer value snapshot for the twelve
 * months up to yesterday in its time zone (pyramid, ABC and RFM scores and segments), replaced whole in one transaction (delete + one
 * INSERT … SELECT), so a rerun gives the same rows and readers never see half a snapshot.
 * `onlyOrgId` limits a manual run to one organization. Returns the number of customers written.
 *
 * The snapshot is in the default currency: amounts in other currencies never add up with it.
 * It is derived data, recomputed from the audited orders and expenses, so it writes no audit rows.
 */
export async function computeCustomerValues(db: Db, now: Date, onlyOrgId: string | null = null): Promise<number> {
  let written = 0;
  for (const org of await snapshotRepository.findOrganizations(db, onlyOrgId)) {
    written += await db.transaction((tx) => computeForOrganization(tx, { orgId: org.id, timeZone: org.timeZone, now }));
  }
  return written;
}

/** One organization's snapshot on the caller's transaction (the job, and the demo seed's own transaction). */
export async function computeForOrganization(
  tx: Executor,
  options: { orgId: string; timeZone: string; now: Date },
): Promise<number> {
  const period = trailingYear(addDays(localDateOf(options.now, options.timeZone), -1));
  const bounds = await getValueBounds(tx, options.orgId);
  const range = contributionRange({
    orgId: options.orgId,
    currency: DEFAULT_CURRENCY,
    period,
    timeZone: options.timeZone,
  });
  const written = await snapshotRepository.replaceForOrganization(tx, {
    range,
    bounds,
    computedAt: options.now,
    timeZone: options.timeZone,
  });
  await rfmRepository.syncCustomerSegments(tx, options.orgId);
  return written;
}
