import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { leadPoolMembers, leads } from '../../platform/db/schema/index.js';
import { adminPoolIds, memberPoolIds } from '../../platform/pools/pool-scope.js';
import { ownedRecordScope } from '../../platform/scope/data-scope.js';

export type LeadActor = Pick<Actor, 'orgId' | 'userId' | 'departmentId' | 'dataScope' | 'permissions'>;

/** Lead pools have no open-to-all switch; `leads.manage` makes one admin of every pool. */
export const leadPoolPolicy = { managePermission: 'leads.manage' } as const;

/** The lead pools the actor belongs to (as admin, member, or through their department); null = every pool. */
const memberLeadPoolIds = (actor: LeadActor): SQL | null => memberPoolIds(leadPoolMembers, actor, leadPoolPolicy);

/** The lead pools the actor administers (assigns from); null = every pool. */
const adminLeadPoolIds = (actor: LeadActor): SQL | null => adminPoolIds(leadPoolMembers, actor, leadPoolPolicy);

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
  or(ownedLeadScope(actor), unassignedIn(actor, memberLeadPoolIds(actor)))!;

/**
 * Claims and a pool's waiting-leads list: leads of pools the actor is a member of (a claim of an
 * already taken one answers 409, not 404).
 */
export const claimableLeadScope = (actor: LeadActor): SQL => inPools(actor, memberLeadPoolIds(actor));

/** Assignment: leads in the actor's scope plus the unassigned leads of pools they administer. */
export const assignableLeadScope = (actor: LeadActor): SQL =>
  or(ownedLeadScope(actor), unassignedIn(actor, adminLeadPoolIds(actor)))!;

/** Only for reading back a lead the caller has just written in the same transaction. */
export const writtenLeadScope = (actor: LeadActor): SQL => eq(leads.orgId, actor.orgId);
