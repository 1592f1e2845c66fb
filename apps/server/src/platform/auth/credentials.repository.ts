import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { queryRows } from '../db/query.js';
import { apiTokens, sessions } from '../db/schema/index.js';

export interface PrincipalRow {
  org_id: string;
  org_name: string;
  org_code: string;
  org_time_zone: string;
  user_id: string;
  username: string;
  display_name: string;
  department_id: string | null;
  locale: string;
  system_operator: boolean;
  last_seen_at: string | Date | null;
  roles: { permissions: string[]; dataScope: string; fieldPermissions: Record<string, string> }[];
}

const principalColumns = sql`u.org_id, o.name as org_name, o.code as org_code, o.time_zone as org_time_zone,
  u.id as user_id, u.username,
  u.display_name, u.department_id, u.locale, u.system_operator,
  (select coalesce(json_agg(json_build_object('permissions', r.permissions, 'dataScope', r.data_scope,
      'fieldPermissions', r.field_permissions)), '[]'::json)
     from user_roles ur join roles r on r.org_id = ur.org_id and r.id = ur.role_id
    where ur.org_id = u.org_id and ur.user_id = u.id) as roles`;

/** Sign-in credentials: sessions (cookie) and API tokens (Bearer), both stored hashed. */
export const credentialsRepository = {
  async getPrincipalBySession(db: Executor, tokenHash: string, idleMinutes: number): Promise<PrincipalRow | null> {
    const rows = await queryRows<PrincipalRow>(
      db,
      sql`select ${principalColumns}, s.last_seen_at
            from sessions s
            join users u on u.org_id = s.org_id and u.id = s.user_id
            join organizations o on o.id = u.org_id
           where s.token_hash = ${tokenHash} and not u.disabled and s.expires_at > now()
             and s.last_seen_at > now() - make_interval(mins => ${idleMinutes})`,
    );
    return rows[0] ?? null;
  },

  async getPrincipalByApiToken(db: Executor, tokenHash: string): Promise<PrincipalRow | null> {
    const rows = await queryRows<PrincipalRow>(
      db,
      sql`select ${principalColumns}, t.last_used_at as last_seen_at
            from api_tokens t
            join users u on u.org_id = t.org_id and u.id = t.user_id
            join organizations o on o.id = u.org_id
           where t.token_hash = ${tokenHash} and t.revoked_at is null and t.expires_at > now() and not u.disabled`,
    );
    return rows[0] ?? null;
  },

  /**
   * A user as a background job acts for them (an import runs with its creator's current roles);
   * null when the user is gone or disabled.
   */
  async getPrincipalByUser(db: Executor, orgId: string, userId: string): Promise<PrincipalRow | null> {
    const rows = await queryRows<PrincipalRow>(
      db,
      sql`select ${principalColumns}, null as last_seen_at
            from users u
            join organizations o on o.id = u.org_id
           where u.org_id = ${orgId} and u.id = ${userId} and not u.disabled`,
    );
    return rows[0] ?? null;
  },

  async touchSession(db: Executor, tokenHash: string): Promise<void> {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(eq(sessions.tokenHash, tokenHash));
  },

  async touchApiToken(db: Executor, tokenHash: string): Promise<void> {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(
        and(
          eq(apiTokens.tokenHash, tokenHash),
          or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`)),
        ),
      );
  },

  async createSession(
    db: Executor,
    session: {
      tokenHash: string;
      orgId: string;
      userId: string;
      expiresAt: Date;
      ip: string | null;
      userAgent: string | null;
    },
  ): Promise<void> {
    await db.insert(sessions).values(session);
  },

  async deleteSession(db: Executor, tokenHash: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  },

  /** Revokes every live API token of a user (disabling them); returns what was revoked, for the audit. */
  async revokeUserApiTokens(
    db: Executor,
    orgId: string,
    userId: string,
  ): Promise<{ id: string; name: string; prefix: string }[]> {
    return db
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix });
  },

  /** Ends every session of a user, optionally keeping the current one (password change). */
  async deleteUserSessions(db: Executor, orgId: string, userId: string, keepTokenHash?: string): Promise<void> {
    const keep = keepTokenHash === undefined ? sql`true` : sql`${sessions.tokenHash} <> ${keepTokenHash}`;
    await db.delete(sessions).where(and(eq(sessions.orgId, orgId), eq(sessions.userId, userId), keep));
  },
};
