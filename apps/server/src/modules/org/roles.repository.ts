import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { roles, userRoles } from '../../platform/db/schema/index.js';
import type { OrgScope } from './departments.repository.js';
import { updateVersioned, versionedWrites, type VersionKey } from '../../platform/db/versioned-rows.js';
import { firstRow } from '../../platform/db/row-reads.js';

// Qualified by hand: drizzle leaves columns unqualified in single-table selects, where they would bind to `ur`.
const userCount = sql<number>`(select count(*)::int from user_roles ur where ur.org_id = "roles"."org_id" and ur.role_id = "roles"."id")`;
const row = {
  id: roles.id,
  code: roles.code,
  name: roles.name,
  description: roles.description,
  permissions: roles.permissions,
  dataScope: roles.dataScope,
  fieldPermissions: roles.fieldPermissions,
  builtIn: roles.builtIn,
  userCount,
  version: roles.version,
};
export interface RoleRow {
  id: string;
  code: string;
  name: string;
  description: string;
  permissions: string[];
  dataScope: string;
  fieldPermissions: Record<string, string>;
  builtIn: boolean;
  userCount: number;
  version: number;
}

/** All SQL of roles and of the user–role links. */
export const rolesRepository = {
  async findAll(db: Executor, scope: OrgScope): Promise<RoleRow[]> {
    return db.select(row).from(roles).where(eq(roles.orgId, scope.orgId)).orderBy(asc(roles.builtIn), asc(roles.code));
  },

  async getById(db: Executor, scope: OrgScope, id: string): Promise<RoleRow | null> {
    return firstRow(
      db
        .select(row)
        .from(roles)
        .where(and(eq(roles.orgId, scope.orgId), eq(roles.id, id))),
    );
  },

  /** Locks the row for the rest of the transaction. */
  async lockById(db: Executor, scope: OrgScope, id: string): Promise<RoleRow | null> {
    return firstRow(
      db
        .select(row)
        .from(roles)
        .where(and(eq(roles.orgId, scope.orgId), eq(roles.id, id)))
        .for('update'),
    );
  },

  /**
   * The roles among `ids` that exist in the organization, share-locked so that a concurrent delete
   * waits until the assignment has committed (and then sees it).
   */
  async findByIds(db: Executor, scope: OrgScope, ids: readonly string[]): Promise<RoleRow[]> {
    if (ids.length === 0) return [];
    return db
      .select(row)
      .from(roles)
      .where(and(eq(roles.orgId, scope.orgId), inArray(roles.id, [...ids])))
      .for('share');
  },

  async findIdByCode(db: Executor, scope: OrgScope, code: string): Promise<string | null> {
    const rows = await db
      .select({ id: roles.id })
      .from(roles)
      .where(and(eq(roles.orgId, scope.orgId), eq(roles.code, code)));
    return rows[0]?.id ?? null;
  },

  async findIdsOfUser(db: Executor, scope: OrgScope, userId: string): Promise<string[]> {
    const rows = await db
      .select({ roleId: userRoles.roleId })
      .from(userRoles)
      .where(and(eq(userRoles.orgId, scope.orgId), eq(userRoles.userId, userId)));
    return rows.map((r) => r.roleId);
  },

  insert: versionedWrites(roles).insert,

  /** Applies changes when the version still matches; false when someone else changed it first. */
  update: (
    db: Executor,
    key: VersionKey,
    changes: Partial<
      Pick<typeof roles.$inferInsert, 'name' | 'description' | 'permissions' | 'dataScope' | 'fieldPermissions'>
    >,
  ): Promise<boolean> => updateVersioned(db, roles, key, changes),

  async delete(db: Executor, scope: OrgScope, id: string): Promise<void> {
    await db.delete(roles).where(and(eq(roles.orgId, scope.orgId), eq(roles.id, id)));
  },

  async replaceUserRoles(db: Executor, scope: OrgScope, userId: string, roleIds: readonly string[]): Promise<void> {
    await db.delete(userRoles).where(and(eq(userRoles.orgId, scope.orgId), eq(userRoles.userId, userId)));
    if (roleIds.length)
      await db.insert(userRoles).values(roleIds.map((roleId) => ({ orgId: scope.orgId, userId, roleId })));
  },
};
