import { sql } from 'drizzle-orm';
import { openStore } from '../../apps/server/src/server.js';
import { DEMO_ORG_NAME } from '../../apps/server/src/modules/demo/demo-seed.js';
import type { Database } from '../../apps/server/src/platform/db/client.js';
import { queryRows } from '../../apps/server/src/platform/db/query.js';
import { configFor, type Target } from './common.js';

/** Opens the bench store (migrating it), hands over the demo organization, checkpoints and closes. */
export async function withDemoStore(
  target: Target,
  work: (database: Database, orgId: string) => Promise<void>,
): Promise<void> {
  const { database, release } = await openStore(configFor(target));
  try {
    const orgs = await queryRows<{ id: string }>(
      database.db,
      sql`select id from organizations where name = ${DEMO_ORG_NAME}`,
    );
    if (!orgs[0]) throw new Error('no demo organization: generate the data set first');
    await work(database, orgs[0].id);
    await database.checkpoint();
  } finally {
    await database.close();
    release();
  }
}
