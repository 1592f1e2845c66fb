import { and, eq, isNull } from 'drizzle-orm';
import { opportunities } from '../../platform/db/schema/index.js';
import { heldRecordsHandover, type HolderKey } from '../../platform/handover/held-records.js';

/** Open (not yet won, lost or invalid), live opportunities the user owns. */
const openOpportunitiesOf = (key: HolderKey) =>
  and(
    eq(opportunities.orgId, key.orgId),
    eq(opportunities.ownerId, key.userId),
    eq(opportunities.status, 'open'),
    isNull(opportunities.deletedAt),
  );

/** A leaving user's open opportunities for the hand-over (issue 13): count, list, move with audit. */
export const openOpportunitiesHandover = heldRecordsHandover({
  table: opportunities,
  id: opportunities.id,
  version: opportunities.version,
  label: opportunities.name,
  holder: 'ownerId',
  entity: 'opportunity',
  held: openOpportunitiesOf,
});
