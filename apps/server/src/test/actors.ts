import type { Actor } from '../platform/auth/actor.js';
import { credentialsRepository } from '../platform/auth/credentials.repository.js';
import { actorFromPrincipal } from '../platform/auth/principal.js';
import { hashSecret } from '../platform/auth/secrets.js';
import type { Client, TestContext } from './test-app.js';

/**
 * The `Actor` a signed-in test client's requests run as, for tests that call a service directly
 * (e.g. with a fixed clock).
 */
export async function actorOfClient(ctx: TestContext, client: Client): Promise<Actor> {
  const principal = await credentialsRepository.getPrincipalBySession(
    ctx.database.db,
    hashSecret(client.cookie),
    24 * 60,
  );
  if (!principal) throw new Error(`no session for ${client.user.username}`);
  return actorFromPrincipal(principal, { ip: null, requestId: null });
}
