import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { apiTokens, organizations, users } from '../../platform/db/schema/index.js';
import { firstRow } from '../../platform/db/row-reads.js';

/** SQL for signing in and for a user's own account settings. */
export const authRepository = {
  /** The organization a sign-in names by its code (codes are unique in any letter case). */
  async findOrganizationByCode(db: Executor, code: string): Promise<{ id: string; code: string } | null> {
    return firstRow(
      db
        .select({ id: organizations.id, code: organizations.code })
        .from(organizations)
        .where(sql`lower(${organizations.code}) = lower(${code})`)
        .limit(1),
    );
  },

  /** At most `limit` organizations: enough to tell whether the installation hosts just one. */
  async findOrganizationsUpTo(db: Executor, limit: number): Promise<{ id: string; code: string }[]> {
    return db.select({ id: organizations.id, code: organizations.code }).from(organizations).limit(limit);
  },

  async hasOrganizationCode(db: Executor, code: string): Promise<boolean> {
    const rows = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(sql`lower(${organizations.code}) = lower(${code})`)
      .limit(1);
    return rows.length > 0;
  },

  async findLoginUser(db: Executor, orgId: string, username: string) {
    return firstRow(
      db
        .select({ orgId: users.orgId, id: users.id, passwordHash: users.passwordHash, disabled: users.disabled })
        .from(users)
        .where(and(eq(users.orgId, orgId), sql`lower(${users.username}) = lower(${username})`))
        .limit(1),
    );
  },

  async getPasswordHash(db: Executor, orgId: string, userId: string): Promise<string | null> {
    const rows = await db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
    return rows[0]?.passwordHash ?? null;
  },

  async setPasswordHash(db: Executor, orgId: string, userId: string, passwordHash: string): Promise<void> {
    await db
      .update(users)
      .set({ passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${users.version} + 1` })
      .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  },

  async updateProfile(
    db: Executor,
    orgId: string,
    userId: string,
    changes: { locale?: string; displayName?: string },
  ): Promise<void> {
    await db
      .update(users)
      .set({ ...changes, updatedAt: sql`now()`, version: sql`${users.version} + 1` })
      .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  },

  async findApiTokens(db: Executor, orgId: string, userId: string) {
    return db
      .select({
        id: apiTokens.id,
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        createdAt: apiTokens.createdAt,
        lastUsedAt: apiTokens.lastUsedAt,
        expiresAt: apiTokens.expiresAt,
      })
      .from(apiTokens)
      .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .orderBy(desc(apiTokens.createdAt));
  },

  async createApiToken(
    db: Executor,
    token: {
      orgId: string;
      id: string;
      userId: string;
      name: string;
      prefix: string;
      tokenHash: string;
      expiresAt: Date;
    },
  ) {
    const rows = await db.insert(apiTokens).values(token).returning({ createdAt: apiTokens.createdAt });
    return rows[0]!;
  },

  /** Revokes one of the user's own tokens; false when there is no such live token. */
  async revokeApiToken(db: Executor, orgId: string, userId: string, id: string): Promise<boolean> {
    const rows = await db
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(apiTokens.orgId, orgId),
          eq(apiTokens.userId, userId),
          eq(apiTokens.id, id),
          isNull(apiTokens.revokedAt),
        ),
      )
      .returning({ id: apiTokens.id });
    return rows.length > 0;
  },
};
