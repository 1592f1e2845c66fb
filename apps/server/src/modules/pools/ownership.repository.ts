import type { OwnershipEventKind } from '@guanxi/contract';
import { and, asc, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { keysetAfter } from '../../platform/db/keyset.js';
import { columnsEqual, countRows, firstRow, hasRow } from '../../platform/db/row-reads.js';
import { customers, customerTeamMembers, ownershipEvents, users } from '../../platform/db/schema/index.js';
import type { Cursor } from '../../platform/pagination.js';
import { customerReadScope, ownedRecordScope, type ScopeActor } from '../../platform/scope/data-scope.js';

/** A customer as ownership rules read it (also the reclaim scan's rows). */
export const ownershipColumns = {
  id: customers.id,
  name: customers.name,
  ownerId: customers.ownerId,
  poolId: customers.poolId,
  previousOwnerId: customers.previousOwnerId,
  ownedSince: customers.ownedSince,
  createdAt: customers.createdAt,
  locked: customers.locked,
  tier: customers.tier,
  stage: customers.stage,
  lastFollowUpAt: customers.lastFollowUpAt,
  version: customers.version,
};
export type OwnershipRow = {
  id: string;
  name: string;
  ownerId: string | null;
  poolId: string | null;
  previousOwnerId: string | null;
  ownedSince: Date | null;
  createdAt: Date;
  locked: boolean;
  tier: string | null;
  stage: string;
  lastFollowUpAt: Date | null;
  version: number;
};

export interface NewOwnershipEvent {
  orgId: string;
  customerId: string;
  kind: OwnershipEventKind;
  actorId: string | null;
  rule?: string | null;
  fromUserId: string | null;
  toUserId: string | null;
  poolId: string | null;
  reason?: string | null;
  at?: Date;
}

const live = (orgId: string, id: string) =>
  and(eq(customers.orgId, orgId), eq(customers.id, id), isNull(customers.deletedAt));

/** SQL for who holds a customer: ownership columns, ownership events and team members. */
export const ownershipRepository = {
  /**
   * Locks a live customer of the organization for an ownership change. Unscoped on purpose: pool
   * customers have no owner; the service decides access with `isInScope` and pool membership.
   */
  async lockById(db: Executor, orgId: string, id: string): Promise<OwnershipRow | null> {
    return firstRow(db.select(ownershipColumns).from(customers).where(live(orgId, id)).for('update'));
  },

  /** True when the actor's data scope covers the customer (as owner, by role, or as a team member when reading). */
  async isInScope(db: Executor, actor: ScopeActor, id: string, access: 'read' | 'write'): Promise<boolean> {
    const scope = access === 'read' ? customerReadScope(actor, customers) : ownedRecordScope(actor, customers);
    const rows = await db
      .select({ id: customers.id })
      .from(customers)
      .where(and(live(actor.orgId, id), scope));
    return rows.length > 0;
  },

  async getById(db: Executor, orgId: string, id: string): Promise<OwnershipRow | null> {
    return firstRow(db.select(ownershipColumns).from(customers).where(live(orgId, id)));
  },

  async setOwnership(
    db: Executor,
    key: { orgId: string; id: string },
    changes: Partial<{
      ownerId: string | null;
      poolId: string | null;
      previousOwnerId: string | null;
      ownedSince: Date;
      locked: boolean;
    }>,
  ): Promise<void> {
    await db
      .update(customers)
      .set({ ...changes, updatedAt: sql`now()`, version: sql`${customers.version} + 1` })
      .where(and(eq(customers.orgId, key.orgId), eq(customers.id, key.id)));
  },

  async insertEvent(db: Executor, event: NewOwnershipEvent): Promise<void> {
    await db.insert(ownershipEvents).values({ id: newId(), ...event });
  },

  /** Claims a member made since a moment (the start of the local day for the daily limit). */
  async countClaimsSince(db: Executor, options: { orgId: string; userId: string; since: Date }): Promise<number> {
    const claims = columnsEqual(ownershipEvents, { orgId: options.orgId, actorId: options.userId, kind: 'claim' });
    return countRows(db, ownershipEvents, and(claims, gte(ownershipEvents.at, options.since)));
  },

  /** True when the customer left this user for the pool (returned or reclaimed) since the moment. */
  async wasReleasedBySince(
    db: Executor,
    options: { orgId: string; customerId: string; userId: string; since: Date },
  ): Promise<boolean> {
    const { orgId, customerId, userId } = options;
    return hasRow(
      db,
      ownershipEvents,
      and(
        columnsEqual(ownershipEvents, { orgId, customerId, fromUserId: userId }),
        inArray(ownershipEvents.kind, ['return', 'reclaim']),
        gte(ownershipEvents.at, options.since),
      ),
    );
  },

  async countOwnedBy(db: Executor, options: { orgId: string; userId: string }): Promise<number> {
    const owned = columnsEqual(customers, { orgId: options.orgId, ownerId: options.userId });
    return countRows(db, customers, and(owned, isNull(customers.deletedAt)));
  },

  /** The live customers a user owns, oldest first (a leaving user's hand-over). */
  async findOwnedBy(
    db: Executor,
    options: { orgId: string; userId: string; limit?: number },
  ): Promise<{ id: string; label: string }[]> {
    const owned = columnsEqual(customers, { orgId: options.orgId, ownerId: options.userId });
    const query = db
      .select({ id: customers.id, label: customers.name })
      .from(customers)
      .where(and(owned, isNull(customers.deletedAt)))
      .orderBy(asc(customers.id));
    return options.limit === undefined ? query : query.limit(options.limit);
  },

  async isActiveUser(db: Executor, options: { orgId: string; userId: string }): Promise<boolean> {
    return hasRow(db, users, columnsEqual(users, { orgId: options.orgId, id: options.userId, disabled: false }));
  },

  async addTeamMember(
    db: Executor,
    member: { orgId: string; customerId: string; userId: string; access: 'read' | 'write' },
  ): Promise<void> {
    await db
      .insert(customerTeamMembers)
      .values(member)
      .onConflictDoUpdate({
        target: [customerTeamMembers.orgId, customerTeamMembers.customerId, customerTeamMembers.userId],
        set: { access: member.access, expiresAt: null },
      });
  },

  async removeTeamMember(db: Executor, member: { orgId: string; customerId: string; userId: string }): Promise<void> {
    const { orgId, customerId, userId } = member;
    await db.delete(customerTeamMembers).where(columnsEqual(customerTeamMembers, { orgId, customerId, userId }));
  },

  /** A customer's ownership history, newest first. */
  async findEvents(db: Executor, options: { orgId: string; customerId: string; cursor: Cursor | null; limit: number }) {
    const { cursor } = options;
    return db
      .select({
        id: ownershipEvents.id,
        customerId: ownershipEvents.customerId,
        kind: ownershipEvents.kind,
        actorId: ownershipEvents.actorId,
        actorName: users.displayName,
        rule: ownershipEvents.rule,
        fromUserId: ownershipEvents.fromUserId,
        toUserId: ownershipEvents.toUserId,
        poolId: ownershipEvents.poolId,
        reason: ownershipEvents.reason,
        at: ownershipEvents.at,
        sortValue: sql<string>`${ownershipEvents.at}::text`,
      })
      .from(ownershipEvents)
      .leftJoin(users, and(eq(users.orgId, ownershipEvents.orgId), eq(users.id, ownershipEvents.actorId)))
      .where(
        and(
          columnsEqual(ownershipEvents, { orgId: options.orgId, customerId: options.customerId }),
          cursor
            ? keysetAfter({
                sort: ownershipEvents.at,
                id: ownershipEvents.id,
                cursor,
                cast: 'timestamptz',
                descending: true,
              })
            : undefined,
        ),
      )
      .orderBy(desc(ownershipEvents.at), desc(ownershipEvents.id))
      .limit(options.limit);
  },
};
