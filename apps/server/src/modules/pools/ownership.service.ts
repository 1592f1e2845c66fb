import type { AssignCustomerBody, CustomerOwnership, ReturnCustomerBody, TransferCustomerBody } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Tx } from '../../platform/db/client.js';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.js';
import { assertActiveUser, assertBelowCap, assertMayClaim } from './ownership-rules.js';
import { ownershipRepository, type NewOwnershipEvent, type OwnershipRow } from './ownership.repository.js';
import { toOwnership } from './ownership-view.js';
import { isPoolMember } from './pool-access.js';
import { poolOfCustomer } from './pool-lookup.js';
import { poolsRepository, type PoolRow } from './pools.repository.js';
import { orgTimeZone } from '../../platform/time/index.js';

type OwnershipChange = Parameters<typeof ownershipRepository.setOwnership>[2];

const customerNotFound = () => notFound('entity.customer');
const inPool = () => new AppError('conflict', 'error.customerInPool');

/** Ownership snapshot for the audit log. */
const ownershipOf = (row: Pick<OwnershipRow, 'ownerId' | 'poolId' | 'previousOwnerId' | 'locked'>) => ({
  ownerId: row.ownerId,
  poolId: row.poolId,
  previousOwnerId: row.previousOwnerId,
  locked: row.locked,
});

/**
 * Claim, assign, transfer, return, lock and unlock (domain §3). Each runs in one transaction that
 * locks the customer, checks the rules, changes the owner, appends an ownership event and audits.
 */
export function createOwnershipService({ db, clock = () => new Date() }: { db: Db; clock?: () => Date }) {
  async function apply(
    tx: Tx,
    actor: Actor,
    options: {
      row: OwnershipRow;
      pool: PoolRow;
      change: OwnershipChange;
      event: Omit<NewOwnershipEvent, 'orgId' | 'customerId' | 'actorId' | 'poolId'>;
    },
  ): Promise<CustomerOwnership> {
    const { row, pool, change, event } = options;
    await ownershipRepository.setOwnership(tx, { orgId: actor.orgId, id: row.id }, change);
    await ownershipRepository.insertEvent(tx, {
      ...event,
      orgId: actor.orgId,
      customerId: row.id,
      actorId: actor.userId,
      poolId: pool.id,
    });
    const after = (await ownershipRepository.getById(tx, actor.orgId, row.id))!;
    await recordAudit(tx, actor, {
      action: event.kind,
      entity: 'customer',
      entityId: row.id,
      before: ownershipOf(row),
      after: { ...ownershipOf(after), ...(event.reason ? { reason: event.reason } : {}) },
    });
    return toOwnership(after, pool, clock());
  }

  /** An owned customer the actor may change: in the write scope, else 404. */
  async function lockOwned(
    tx: Tx,
    actor: Actor,
    id: string,
  ): Promise<{ row: OwnershipRow & { ownerId: string }; pool: PoolRow }> {
    const row = await ownershipRepository.lockById(tx, actor.orgId, id);
    if (!row || !(await ownershipRepository.isInScope(tx, actor, id, 'write'))) throw customerNotFound();
    if (row.ownerId === null) throw inPool();
    return { row: { ...row, ownerId: row.ownerId }, pool: await poolOfCustomer(tx, actor.orgId, row) };
  }

  async function assignWithin(
    tx: Tx,
    actor: Actor,
    options: { id: string; userId: string; reason: string | null },
  ): Promise<CustomerOwnership> {
    const { id, userId } = options;
    const now = clock();
    const row = await ownershipRepository.lockById(tx, actor.orgId, id);
    if (!row) throw customerNotFound();
    const pool = await poolOfCustomer(tx, actor.orgId, row);
    // Assigning always takes customers.assign, also for a pool's admins (the route declares it too).
    if (!actor.permissions.has('customers.assign')) throw forbidden();
    if (row.ownerId === null) {
      if (!isPoolMember(actor, pool)) throw customerNotFound();
    } else if (!(await ownershipRepository.isInScope(tx, actor, id, 'write'))) throw customerNotFound();
    await assertActiveUser(tx, { orgId: actor.orgId, userId });
    if (row.ownerId === userId) throw new AppError('conflict', 'error.sameOwner');
    await assertBelowCap(tx, { orgId: actor.orgId, userId, pool, field: 'userId' });
    return apply(tx, actor, {
      row,
      pool,
      change: { ownerId: userId, poolId: pool.id, ownedSince: now },
      event: { kind: 'assign', fromUserId: row.ownerId, toUserId: userId, at: now, reason: options.reason },
    });
  }

  async function returnWithin(
    tx: Tx,
    actor: Actor,
    options: { id: string; reason: string; poolId?: string | undefined },
  ): Promise<CustomerOwnership> {
    const now = clock();
    const { row, pool: ownPool } = await lockOwned(tx, actor, options.id);
    if (row.ownerId !== actor.userId && !actor.permissions.has('customers.assign')) throw forbidden();
    const pool =
      options.poolId === undefined ? ownPool : await poolsRepository.getById(tx, actor.orgId, options.poolId);
    if (!pool)
      throw new AppError('validation', 'error.validation', {
        fields: [{ field: 'poolId', key: 'validation.invalid' }],
      });
    return apply(tx, actor, {
      row,
      pool,
      change: { ownerId: null, previousOwnerId: row.ownerId, poolId: pool.id, locked: false },
      event: { kind: 'return', fromUserId: row.ownerId, toUserId: null, reason: options.reason.trim(), at: now },
    });
  }

  return {
    async claim(actor: Actor, id: string): Promise<CustomerOwnership> {
      const now = clock();
      return db.transaction(async (tx) => {
        const row = await ownershipRepository.lockById(tx, actor.orgId, id);
        if (!row) throw customerNotFound();
        if (row.ownerId !== null) {
          if (await ownershipRepository.isInScope(tx, actor, id, 'read'))
            throw new AppError('conflict', 'error.customerOwned');
          throw customerNotFound();
        }
        const pool = await poolOfCustomer(tx, actor.orgId, row);
        if (!isPoolMember(actor, pool)) throw customerNotFound();
        const timeZone = await orgTimeZone(tx, actor.orgId);
        await assertMayClaim(tx, { actor, pool, customerId: id, now, timeZone });
        await assertBelowCap(tx, { orgId: actor.orgId, userId: actor.userId, pool, field: 'id' });
        return apply(tx, actor, {
          row,
          pool,
          change: { ownerId: actor.userId, poolId: pool.id, ownedSince: now },
          event: { kind: 'claim', fromUserId: null, toUserId: actor.userId, at: now },
        });
      });
    },

    /**
     * Holders of `customers.assign` give a pool customer of a pool they belong to (or administer)
     * to someone, and reassign owned customers in their write scope.
     */
    async assign(actor: Actor, id: string, body: AssignCustomerBody): Promise<CustomerOwnership> {
      return db.transaction((tx) => assignWithin(tx, actor, { id, userId: body.userId, reason: null }));
    },

    /**
     * The same assignment inside the caller's transaction, e.g. an owner change made by editing
     * the customer (reason `edit`), so every owner change leaves an ownership event.
     */
    assignWithin,

    /** The owner (or an assigner) hands the customer on; the old owner may stay as a read-only team member. */
    async transfer(actor: Actor, id: string, body: TransferCustomerBody): Promise<CustomerOwnership> {
      const now = clock();
      return db.transaction(async (tx) => {
        const { row, pool } = await lockOwned(tx, actor, id);
        if (row.ownerId !== actor.userId && !actor.permissions.has('customers.assign')) throw forbidden();
        await assertActiveUser(tx, { orgId: actor.orgId, userId: body.userId });
        if (row.ownerId === body.userId) throw new AppError('conflict', 'error.sameOwner');
        await assertBelowCap(tx, { orgId: actor.orgId, userId: body.userId, pool, field: 'userId' });
        await ownershipRepository.removeTeamMember(tx, { orgId: actor.orgId, customerId: id, userId: body.userId });
        if (body.keepAsTeamMember) {
          await ownershipRepository.addTeamMember(tx, {
            orgId: actor.orgId,
            customerId: id,
            userId: row.ownerId,
            access: 'read',
          });
        }
        return apply(tx, actor, {
          row,
          pool,
          change: { ownerId: body.userId, ownedSince: now },
          event: {
            kind: 'transfer',
            fromUserId: row.ownerId,
            toUserId: body.userId,
            at: now,
            reason: body.keepAsTeamMember ? 'keep_as_team_member' : null,
          },
        });
      });
    },

    /** The owner releases the customer to its pool, with a reason. */
    async returnToPool(actor: Actor, id: string, body: ReturnCustomerBody): Promise<CustomerOwnership> {
      return db.transaction((tx) => returnWithin(tx, actor, { id, reason: body.reason, poolId: body.poolId }));
    },

    /** The same return inside the caller's transaction (the hand-over of a leaving user's customers). */
    returnWithin,

    /** A locked customer is never reclaimed; locking twice changes nothing. */
    async setLocked(actor: Actor, id: string, locked: boolean): Promise<CustomerOwnership> {
      const now = clock();
      return db.transaction(async (tx) => {
        const { row, pool } = await lockOwned(tx, actor, id);
        if (row.locked === locked) return toOwnership(row, pool, now);
        return apply(tx, actor, {
          row,
          pool,
          change: { locked },
          event: { kind: locked ? 'lock' : 'unlock', fromUserId: row.ownerId, toUserId: row.ownerId, at: now },
        });
      });
    },
  };
}
export type OwnershipService = ReturnType<typeof createOwnershipService>;
