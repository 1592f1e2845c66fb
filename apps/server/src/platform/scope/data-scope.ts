import { DATA_SCOPES, type DataScope } from '@guanxi/contract';
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../auth/actor.js';

/** What a data-scope predicate needs to know about the caller (design §4). */
export type ScopeActor = Pick<Actor, 'orgId' | 'userId' | 'departmentId' | 'dataScope'>;

/** With several roles the widest scope wins (design §4). */
export function widestScope(scopes: readonly string[]): DataScope {
  let widest = 0;
  for (const scope of scopes) {
    const rank = DATA_SCOPES.indexOf(scope as DataScope);
    if (rank > widest) widest = rank;
  }
  return DATA_SCOPES[widest] ?? 'own';
}

/** The user ids whose records the actor may see, as a sub-select (null = no limit). */
export function visibleOwnerIds(actor: ScopeActor): SQL | null {
  const { orgId, userId, departmentId } = actor;
  switch (actor.dataScope) {
    case 'all':
      return null;
    case 'own':
      return sql`select ${userId}::uuid`;
    case 'own_subordinates':
      // UNION (not UNION ALL) stops at a cycle in the manager chain.
      return sql`with recursive chain(id) as (
          select ${userId}::uuid
          union
          select u.id from users u join chain on u.manager_id = chain.id where u.org_id = ${orgId}
        ) select id from chain`;
    case 'department':
      if (departmentId === null) return sql`select ${userId}::uuid`;
      return sql`select u.id from users u where u.org_id = ${orgId} and u.department_id = ${departmentId}
        union select ${userId}::uuid`;
    case 'department_tree':
      if (departmentId === null) return sql`select ${userId}::uuid`;
      return sql`${departmentTree(orgId, departmentId)}
        select u.id from users u where u.org_id = ${orgId} and u.department_id in (select id from tree)
          union select ${userId}::uuid`;
  }
  return sql`select ${userId}::uuid`;
}

/** The CTE `tree(id)`: the department and every one below it (UNION stops at a cycle). */
const departmentTree = (orgId: string, departmentId: string): SQL => sql`with recursive tree(id) as (
    select ${departmentId}::uuid
    union
    select d.id from departments d join tree on d.parent_id = tree.id where d.org_id = ${orgId}
  )`;

/**
 * The departments whose members the actor's data scope covers, as a sub-select (null = every
 * department): the own department for `department`, it and everything below for
 * `department_tree`, none for the personal scopes (`own`, `own_subordinates`) and for a department
 * scope without a department. User management bounds department choices by it.
 */
export function visibleDepartmentIds(actor: Pick<Actor, 'orgId' | 'departmentId' | 'dataScope'>): SQL | null {
  const { orgId, departmentId } = actor;
  if (actor.dataScope === 'all') return null;
  if (departmentId === null) return sql`select null::uuid where false`;
  if (actor.dataScope === 'department') return sql`select ${departmentId}::uuid`;
  if (actor.dataScope === 'department_tree') return sql`${departmentTree(orgId, departmentId)} select id from tree`;
  return sql`select null::uuid where false`;
}

/**
 * The one predicate every repository applies to owned records: same organization and an owner
 * inside the actor's data scope. Handlers never filter by hand (security A).
 */
export function ownedRecordScope(actor: ScopeActor, columns: { orgId: AnyPgColumn; ownerId: AnyPgColumn }): SQL {
  const owners = visibleOwnerIds(actor);
  if (owners === null) return sql`${columns.orgId} = ${actor.orgId}`;
  return sql`(${columns.orgId} = ${actor.orgId} and ${columns.ownerId} in (${owners}))`;
}

/**
 * What the actor may read of customers: the owned-record scope, plus customers where the actor is
 * a (non-expired) team member — e.g. the old owner kept on after a transfer. Writes keep using
 * `ownedRecordScope`, so team members read but do not edit.
 */
export function customerReadScope(
  actor: ScopeActor,
  columns: { orgId: AnyPgColumn; ownerId: AnyPgColumn; id: AnyPgColumn },
): SQL {
  const owned = ownedRecordScope(actor, columns);
  if (actor.dataScope === 'all') return owned;
  return sql`(${owned} or (${columns.orgId} = ${actor.orgId} and exists (
    select 1 from customer_team_members tm
     where tm.org_id = ${actor.orgId} and tm.customer_id = ${columns.id} and tm.user_id = ${actor.userId}
       and (tm.expires_at is null or tm.expires_at > now()))))`;
}

/**
 * Customers where the actor is an active (unexpired) team member. Lists add these to the owned
 * scope as a separate branch, so the owner-index plan of the common path stays as it is.
 */
export function teamMemberCustomers(
  actor: Pick<Actor, 'orgId' | 'userId'>,
  columns: { orgId: AnyPgColumn; id: AnyPgColumn },
): SQL {
  return sql`(${columns.orgId} = ${actor.orgId} and ${columns.id} in (
    select tm.customer_id from customer_team_members tm
     where tm.org_id = ${actor.orgId} and tm.user_id = ${actor.userId}
       and (tm.expires_at is null or tm.expires_at > now())))`;
}
