import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { leads } from '../../platform/db/schema/index.js';
import { ownedRecordScope } from '../../platform/scope/data-scope.js';

export type LeadActor = Pick<Actor, 'orgId' | 'userId' | 'departmentId' | 'dataScope' | 'permissions'>;

/**
 * The lead pools the actor belongs to (as admin, member, or through their department), as a
 * sub-select; null when `leads.manage` makes them admin of every pool.
 */
export function memberPoolIds(actor: LeadActor): SQL | null {
  if (actor.permissions.has('leads.manage')) return null;
  const principal =
    actor.departmentId === null
      ? sql`m.user_id = ${actor.userId}`
      : sql`(m.user_id = ${actor.userId} or m.department_id = ${actor.departmentId})`;
  return sql`select m.pool_id from lead_pool_members m where m.org_id = ${actor.orgId} and ${principal}`;
}

/** The lead pools the actor administers (assigns from); null = every pool. */
export function adminPoolIds(actor: LeadActor): SQL | null {
  if (actor.permissions.has('leads.manage')) return null;
  return sql`select m.pool_id from lead_pool_members m
    where m.org_id = ${actor.orgId} and m.role = 'admin' and m.user_id = ${actor.userId}`;
}

/** Leads of the given pools (null = every pool of the organization). */
function inPools(actor: LeadActor, pools: SQL | null): SQL {
  return and(
    eq(leads.orgId, actor.orgId),
    pools === null ? sql`${leads.poolId} is not null` : sql`${leads.poolId} in (${pools})`,
  )!;
}

/** Unassigned leads of the given pools. */
const unassignedIn = (actor: LeadActor, pools: SQL | null): SQL => and(inPools(actor, pools), isNull(leads.ownerId))!;

/** Lists, search and writes: the leads the actor owns or may see by data scope (security A). */
export const ownedLeadScope = (actor: LeadActor): SQL => ownedRecordScope(actor, leads);

/** Detail reads add the unassigned leads waiting in the actor's pools. */
export const readableLeadScope = (actor: LeadActor): SQL =>
  or(ownedLeadScope(actor), unassignedIn(actor, memberPoolIds(actor)))!;

/**
 * Claims and a pool's waiting-leads list: leads of pools the actor is a member of (a claim of an
 * already taken one answers 409, not 404).
 */
export const claimableLeadScope = (actor: LeadActor): SQL => inPools(actor, memberPoolIds(actor));

/** Assignment: leads in the actor's scope plus the unassigned leads of pools they administer. */
export const assignableLeadScope = (actor: LeadActor): SQL =>
  or(ownedLeadScope(actor), unassignedIn(actor, adminPoolIds(actor)))!;

/** Only for reading back a lead the caller has just written in the same transaction. */
export const writtenLeadScope = (actor: LeadActor): SQL => eq(leads.orgId, actor.orgId);
