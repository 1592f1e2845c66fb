import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { type ScopeActor, visibleDepartmentIds, visibleOwnerIds } from '../../platform/scope/data-scope.js';

/**
 * The users and departments an actor's data scope covers, read through the same sub-selects that
 * scope customers (platform/scope), so managing users can never reach further than seeing data.
 */
export const userBoundsRepository = {
  /** True when the user is one of the actor's organization and inside the actor's data scope. */
  async isUserInScope(db: Executor, actor: ScopeActor, userId: string): Promise<boolean> {
    const owners = visibleOwnerIds(actor);
    const inScope = owners === null ? sql`true` : sql`u.id in (${owners})`;
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select u.id from users u where u.org_id = ${actor.orgId} and u.id = ${userId}::uuid and ${inScope}`,
    );
    return rows.length > 0;
  },

  /** True when the department is one of those the actor's data scope covers. */
  async isDepartmentInScope(db: Executor, actor: ScopeActor, departmentId: string): Promise<boolean> {
    const covered = visibleDepartmentIds(actor);
    const inScope = covered === null ? sql`true` : sql`d.id in (${covered})`;
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select d.id from departments d where d.org_id = ${actor.orgId} and d.id = ${departmentId}::uuid and ${inScope}`,
    );
    return rows.length > 0;
  },

  /** Ids of the users inside a bounded scope (never called for `all`). */
  async findUserIdsInScope(db: Executor, actor: ScopeActor): Promise<string[]> {
    const owners = visibleOwnerIds(actor) ?? sql`select u.id from users u where u.org_id = ${actor.orgId}`;
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select u.id from users u where u.org_id = ${actor.orgId} and u.id in (${owners}) order by u.id`,
    );
    return rows.map((r) => r.id);
  },

  /** The users the actor's data scope covers (all of the organization for `all`), by name, with their department. */
  async findUsersInScope(db: Executor, actor: ScopeActor) {
    const owners = visibleOwnerIds(actor);
    const inScope = owners === null ? sql`true` : sql`u.id in (${owners})`;
    return queryRows<{ id: string; displayName: string; departmentName: string | null; disabled: boolean }>(
      db,
      sql`select u.id, u.display_name as "displayName", d.name as "departmentName", u.disabled
            from users u left join departments d on d.org_id = u.org_id and d.id = u.department_id
           where u.org_id = ${actor.orgId} and ${inScope}
           order by u.disabled, u.display_name, u.id`,
    );
  },

  /** Ids of the departments a bounded scope covers (never called for `all`). */
  async findDepartmentIdsInScope(db: Executor, actor: ScopeActor): Promise<string[]> {
    const covered = visibleDepartmentIds(actor) ?? sql`select d.id from departments d where d.org_id = ${actor.orgId}`;
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select d.id from departments d where d.org_id = ${actor.orgId} and d.id in (${covered}) order by d.id`,
    );
    return rows.map((r) => r.id);
  },
};
