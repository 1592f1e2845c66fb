import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { departments, roles, userRoles, users } from '../../platform/db/schema/index.js';
import type { Cursor } from '../../platform/pagination.js';
import type { OrgScope } from './departments.repository.js';
import { updateVersioned, versionedWrites, type VersionKey } from '../../platform/db/versioned-rows.js';
import { firstRow } from '../../platform/db/row-reads.js';

const managers = alias(users, 'manager');
const sortKey = sql<string>`lower(${users.username})`;

// Never the password hash: it does not leave this file (security C1).
const row = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  mobile: users.mobile,
  departmentId: users.departmentId,
  departmentName: departments.name,
  managerId: users.managerId,
  managerName: managers.displayName,
  roleIds: sql<string[]>`coalesce((select json_agg(ur.role_id order by ur.role_id) from user_roles ur
    where ur.org_id = "users"."org_id" and ur.user_id = "users"."id"), '[]'::json)`,
  // The names beside the ids: a reader without roles.view cannot list roles, yet sees each user's.
  roles: sql<
    { id: string; name: string }[]
  >`coalesce((select json_agg(json_build_object('id', r.id, 'name', r.name) order by r.id)
    from user_roles ur join roles r on r.org_id = ur.org_id and r.id = ur.role_id
    where ur.org_id = "users"."org_id" and ur.user_id = "users"."id"), '[]'::json)`,
  locale: users.locale,
  disabled: users.disabled,
  createdAt: users.createdAt,
  version: users.version,
};
export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  mobile: string | null;
  departmentId: string | null;
  departmentName: string | null;
  managerId: string | null;
  managerName: string | null;
  roleIds: string[];
  roles: { id: string; name: string }[];
  locale: string;
  disabled: boolean;
  createdAt: Date;
  version: number;
}

export interface UserFilters {
  q?: string | undefined;
  departmentId?: string | undefined;
  includeDisabled?: boolean | undefined;
}

const joined = (db: Executor) =>
  db
    .select(row)
    .from(users)
    .leftJoin(departments, and(eq(departments.orgId, users.orgId), eq(departments.id, users.departmentId)))
    .leftJoin(managers, and(eq(managers.orgId, users.orgId), eq(managers.id, users.managerId)));

function filterConditions(scope: OrgScope, filters: UserFilters): SQL[] {
  const conditions: SQL[] = [eq(users.orgId, scope.orgId)];
  if (!filters.includeDisabled) conditions.push(eq(users.disabled, false));
  if (filters.departmentId) conditions.push(eq(users.departmentId, filters.departmentId));
  if (filters.q) {
    // strpos, not LIKE: the search text needs no escaping of % and _.
    const q = filters.q.toLowerCase();
    conditions.push(sql`(strpos(lower(${users.username}), ${q}) > 0 or strpos(lower(${users.displayName}), ${q}) > 0)`);
  }
  return conditions;
}

/** All SQL of users; every query is limited to the caller's organization. */
export const usersRepository = {
  /** One page sorted by username (case-insensitive), after the cursor. */
  async findPage(
    db: Executor,
    scope: OrgScope,
    options: { filters: UserFilters; cursor: Cursor | null; limit: number },
  ): Promise<UserRow[]> {
    const conditions = filterConditions(scope, options.filters);
    if (options.cursor)
      conditions.push(sql`(${sortKey}, ${users.id}) > (${String(options.cursor.value)}, ${options.cursor.id}::uuid)`);
    return joined(db)
      .where(and(...conditions))
      .orderBy(asc(sortKey), asc(users.id))
      .limit(options.limit);
  },

  /** Every active user of the organization by name and department, for handing work to. */
  async findColleagues(db: Executor, orgId: string) {
    return db
      .select({ id: users.id, displayName: users.displayName, departmentName: departments.name })
      .from(users)
      .leftJoin(departments, and(eq(departments.orgId, users.orgId), eq(departments.id, users.departmentId)))
      .where(and(eq(users.orgId, orgId), eq(users.disabled, false)))
      .orderBy(asc(users.displayName), asc(users.id));
  },

  async getById(db: Executor, scope: OrgScope, id: string): Promise<UserRow | null> {
    return firstRow(joined(db).where(and(eq(users.orgId, scope.orgId), eq(users.id, id))));
  },

  /** Locks the user's row for the rest of the transaction. */
  async lockById(db: Executor, scope: OrgScope, id: string): Promise<UserRow | null> {
    return firstRow(
      joined(db)
        .where(and(eq(users.orgId, scope.orgId), eq(users.id, id)))
        .for('update', { of: users }),
    );
  },

  async exists(db: Executor, scope: OrgScope, id: string): Promise<boolean> {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, scope.orgId), eq(users.id, id)));
    return rows.length > 0;
  },

  /** Usernames are unique per install, ignoring case, because they pick the organization at sign-in. */
  /** Login names are unique per organization (issue 10): other organizations' names are not looked at. */
  async isUsernameTaken(db: Executor, scope: OrgScope, username: string): Promise<boolean> {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, scope.orgId), eq(sortKey, username.toLowerCase())));
    return rows.length > 0;
  },

  /** Serializes manager and administrator changes within one organization (cycle and last-admin checks). */
  async lockOrgUsers(db: Executor, scope: OrgScope): Promise<void> {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`users:${scope.orgId}`}))`);
  },

  /** True when `userId` is `managerId` or someone above `managerId` in the manager chain. */
  async isInManagerChain(
    db: Executor,
    scope: OrgScope,
    options: { managerId: string; userId: string },
  ): Promise<boolean> {
    const rows = await queryRows<{ found: boolean }>(
      db,
      // UNION (not UNION ALL) stops at a cycle already present.
      sql`with recursive chain(id) as (
            select ${options.managerId}::uuid
            union
            select u.manager_id from users u join chain on u.id = chain.id
             where u.org_id = ${scope.orgId} and u.manager_id is not null
          ) select exists(select 1 from chain where id = ${options.userId}::uuid) as found`,
    );
    return rows[0]?.found === true;
  },

  /** Enabled users holding the role with this code, other than `exceptUserId`. */
  async countEnabledHolders(
    db: Executor,
    scope: OrgScope,
    options: { roleCode: string; exceptUserId: string },
  ): Promise<number> {
    const rows = await db
      .select({ n: sql<number>`count(distinct ${users.id})::int` })
      .from(users)
      .innerJoin(userRoles, and(eq(userRoles.orgId, users.orgId), eq(userRoles.userId, users.id)))
      .innerJoin(roles, and(eq(roles.orgId, userRoles.orgId), eq(roles.id, userRoles.roleId)))
      .where(
        and(
          eq(users.orgId, scope.orgId),
          eq(roles.code, options.roleCode),
          eq(users.disabled, false),
          ne(users.id, options.exceptUserId),
        ),
      );
    return rows[0]?.n ?? 0;
  },

  /** Enabled users of the organization among `ids`, id → display name. */
  async findEnabledNames(db: Executor, scope: OrgScope, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(and(eq(users.orgId, scope.orgId), inArray(users.id, [...ids]), eq(users.disabled, false)));
    return new Map(rows.map((r) => [r.id, r.displayName]));
  },

  insert: versionedWrites(users).insert,

  /** Applies changes when the version still matches; false when someone else changed it first. */
  update: (
    db: Executor,
    key: VersionKey,
    changes: Partial<
      Pick<
        typeof users.$inferInsert,
        | 'displayName'
        | 'email'
        | 'mobile'
        | 'departmentId'
        | 'managerId'
        | 'locale'
        | 'disabled'
        | 'passwordHash'
        | 'passwordChangedAt'
      >
    >,
  ): Promise<boolean> => updateVersioned(db, users, key, changes),
};
