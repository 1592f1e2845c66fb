import { sql } from 'drizzle-orm';
import type { Actor } from '../../apps/server/src/platform/auth/actor.js';
import { actorFromPrincipal } from '../../apps/server/src/platform/auth/principal.js';
import { credentialsRepository } from '../../apps/server/src/platform/auth/credentials.repository.js';
import { hashSecret, newSecret } from '../../apps/server/src/platform/auth/secrets.js';
import type { Database } from '../../apps/server/src/platform/db/client.js';
import { queryRows } from '../../apps/server/src/platform/db/query.js';

/** The actor the server would build for this login: a throwaway session read back the app's way. */
export async function actorFor(database: Database, username: string): Promise<Actor> {
  const users = await queryRows<{ id: string; org_id: string }>(
    database.db,
    sql`select id, org_id from users where lower(username) = lower(${username})`,
  );
  const user = users[0];
  if (!user) throw new Error(`user ${username} not found`);
  const tokenHash = hashSecret(newSecret());
  await credentialsRepository.createSession(database.db, {
    tokenHash,
    orgId: user.org_id,
    userId: user.id,
    expiresAt: new Date(Date.now() + 3600_000),
    ip: null,
    userAgent: 'bench',
  });
  const principal = await credentialsRepository.getPrincipalBySession(database.db, tokenHash, 60);
  await credentialsRepository.deleteSession(database.db, tokenHash);
  if (!principal) throw new Error(`no principal for ${username}`);
  return actorFromPrincipal(principal, { ip: null, requestId: null });
}
