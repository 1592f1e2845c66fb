import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { users } from '../../platform/db/schema/index.js';
import type { DirectoryUser } from './row-preparation.js';

/** The organization's active users, for owner columns (username or name) and owner choices. */
export const importUsersRepository = {
  findActiveUsers(db: Executor, orgId: string): Promise<DirectoryUser[]> {
    return db
      .select({ id: users.id, username: users.username, displayName: users.displayName })
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.disabled, false)));
  },
};
