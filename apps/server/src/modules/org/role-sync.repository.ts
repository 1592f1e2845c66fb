import { and, eq, or, sql, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { roles } from '../../platform/db/schema/index.js';
import { firstRow } from '../../platform/db/row-reads.js';

export interface RoleKey {
  orgId: string;
  id: string;
}

export interface BuiltInRoleState extends RoleKey {
  code: string;
  permissions: string[];
  templatePermissions: string[] | null;
}

/**
 * System-job SQL of the built-in role sync: these queries run across every organization without a
 * caller's scope, by design (style rule 3's "clearly named system jobs").
 */
export const roleSyncRepository = {
  /**
   * Built-in roles with `code` whose snapshot is not the same set as `template` (or is missing).
   * Compared as sets with jsonb containment, so order and duplicates never cause a needless sync.
   */
  async findBehindTemplate(db: Executor, options: { code: string; template: readonly string[] }): Promise<RoleKey[]> {
    const template = JSON.stringify(options.template);
    return db
      .select({ orgId: roles.orgId, id: roles.id })
      .from(roles)
      .where(
        and(
          eq(roles.builtIn, true),
          eq(roles.code, options.code),
          or(
            isNull(roles.templatePermissions),
            sql`not (${roles.templatePermissions} @> ${template}::jsonb and ${roles.templatePermissions} <@ ${template}::jsonb)`,
          ),
        ),
      )
      .orderBy(roles.orgId, roles.id);
  },

  /** Locks the built-in role for the rest of the transaction, so an admin's edit waits or goes stale. */
  async lockBuiltIn(db: Executor, key: RoleKey): Promise<BuiltInRoleState | null> {
    return firstRow(
      db
        .select({
          orgId: roles.orgId,
          id: roles.id,
          code: roles.code,
          permissions: roles.permissions,
          templatePermissions: roles.templatePermissions,
        })
        .from(roles)
        .where(and(eq(roles.orgId, key.orgId), eq(roles.id, key.id), eq(roles.builtIn, true)))
        .for('update'),
    );
  },

  /**
   * Stores the new snapshot and, when they changed, the permissions; a permission change bumps the
   * version so that an admin's edit based on the old list answers 409 instead of undoing the sync.
   */
  async applySync(
    db: Executor,
    key: RoleKey,
    changes: { templatePermissions: string[]; permissions: string[] | null },
  ): Promise<void> {
    await db
      .update(roles)
      .set(
        changes.permissions
          ? {
              templatePermissions: changes.templatePermissions,
              permissions: changes.permissions,
              updatedAt: sql`now()`,
              version: sql`${roles.version} + 1`,
            }
          : { templatePermissions: changes.templatePermissions },
      )
      .where(and(eq(roles.orgId, key.orgId), eq(roles.id, key.id)));
  },
};
