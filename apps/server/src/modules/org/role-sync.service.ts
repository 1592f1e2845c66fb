import { ALL_PERMISSIONS } from '@guanxi/contract';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/client.js';
import { DEFAULT_ROLES, templatePermissionsOf } from './default-roles.js';
import { roleSyncRepository, type RoleKey } from './role-sync.repository.js';

const CATALOG: ReadonlySet<string> = new Set(ALL_PERMISSIONS);
const SYSTEM_AUDIT = { userId: null, ip: null, requestId: null };

export interface RoleSyncPlan {
  permissions: string[];
  /** Permissions the role gains: new in the template since the snapshot and not already held. */
  added: string[];
  /** Permissions the template dropped that no longer exist in the catalog at all. */
  removed: string[];
}

/**
 * What one built-in role becomes when synced with `template`. Only the template's changes since
 * the snapshot are applied, so an admin's removal of an older template permission survives. A
 * permission the template dropped stays unless the catalog no longer knows it: the admin may rely
 * on it, and the role editor would reject an unknown one. A missing snapshot counts as the role's
 * own permissions (a role created by an older release, like the migration's backfill).
 */
export function planRoleSync(
  role: { permissions: readonly string[]; templatePermissions: readonly string[] | null },
  template: readonly string[],
): RoleSyncPlan {
  const snapshot = new Set(role.templatePermissions ?? role.permissions);
  const held = new Set(role.permissions);
  const added = template.filter((p) => !snapshot.has(p) && !held.has(p));
  const templateSet = new Set(template);
  const removed = [...snapshot].filter((p) => !templateSet.has(p) && held.has(p) && !CATALOG.has(p));
  const permissions = [...role.permissions.filter((p) => !removed.includes(p)), ...added];
  return { permissions, added, removed };
}

export interface RoleSyncChange {
  orgId: string;
  roleId: string;
  code: string;
  added: string[];
  removed: string[];
}

/**
 * Brings every organization's built-in roles to today's templates (run at server start and by
 * `guanxi sync-roles`). Cheap when nothing changed: only roles whose snapshot differs from their
 * template are read. Each role syncs in its own short transaction with its audit entry (actor:
 * system). Idempotent; returns the roles whose permissions changed.
 */
export async function syncBuiltInRoles(db: Db): Promise<RoleSyncChange[]> {
  const changes: RoleSyncChange[] = [];
  for (const template of DEFAULT_ROLES) {
    const permissions = templatePermissionsOf(template);
    for (const key of await roleSyncRepository.findBehindTemplate(db, { code: template.code, template: permissions })) {
      const change = await syncRole(db, key, permissions);
      if (change) changes.push(change);
    }
  }
  return changes;
}

async function syncRole(db: Db, key: RoleKey, template: string[]): Promise<RoleSyncChange | null> {
  return db.transaction(async (tx) => {
    // Read again under the lock: a concurrent sync (another server starting) may have done it.
    const role = await roleSyncRepository.lockBuiltIn(tx, key);
    if (!role) return null;
    const plan = planRoleSync(role, template);
    const changed = plan.added.length > 0 || plan.removed.length > 0;
    await roleSyncRepository.applySync(tx, key, {
      templatePermissions: template,
      permissions: changed ? plan.permissions : null,
    });
    // A snapshot-only advance changes nobody's rights, so it is not audited.
    if (!changed) return null;
    await recordAudit(
      tx,
      { orgId: key.orgId, ...SYSTEM_AUDIT },
      {
        action: 'template_sync',
        entity: 'role',
        entityId: key.id,
        before: { permissions: role.permissions, templatePermissions: role.templatePermissions },
        after: {
          permissions: plan.permissions,
          templatePermissions: template,
          added: plan.added,
          removed: plan.removed,
        },
      },
    );
    return { orgId: key.orgId, roleId: key.id, code: role.code, added: plan.added, removed: plan.removed };
  });
}
