import type {
  BulkAddTagsBody,
  BulkCustomerResult,
  BulkDeleteBody,
  BulkOwnerBody,
  BulkReturnToPoolBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { AppError, invalidField, notFound } from '../../platform/errors/app-error.js';
import { assertActiveUser, createOwnershipService, isCustomerPool } from '../pools/index.js';
import { eachCustomer } from './customer-bulk-results.js';
import { createCustomerCleanupService } from './customer-cleanup.service.js';
import { customersRepository } from './customers.repository.js';
import { createCustomersService } from './customers.service.js';

/** A customer carries at most this many tags (the edit form's limit, `UpdateCustomerBody`). */
const MAX_TAGS = 20;

/**
 * Batch actions of the customer list: transfer, change owner, return to pool, add tags, delete.
 * Each record goes through the same service call as the single action (its rules, scope check,
 * ownership event and audit entry in one transaction); the answer reports every record (security
 * A6). Input that is wrong for every record (an unknown pool, an empty reason) is refused whole
 * with 400 before anything is written.
 */
export function createCustomerBulkService({ db, events }: { db: Db; events: EventBus }) {
  const ownership = createOwnershipService({ db });
  const customers = createCustomersService({ db, events });
  const cleanup = createCustomerCleanupService({ db });

  return {
    /** The owner (or an assigner) hands each customer to one user. */
    async transfer(actor: Actor, body: BulkOwnerBody): Promise<BulkCustomerResult> {
      await assertActiveUser(db, { orgId: actor.orgId, userId: body.userId });
      return eachCustomer(actor, body.customerIds, async (id) => {
        await ownership.transfer(actor, id, { userId: body.userId, keepAsTeamMember: body.keepAsTeamMember ?? false });
        return 'done';
      });
    },

    /** Holders of `customers.assign` give each customer (owned in scope, or in a pool they belong to) to one user. */
    async assign(actor: Actor, body: BulkOwnerBody): Promise<BulkCustomerResult> {
      if (body.keepAsTeamMember !== undefined) throw invalidField('keepAsTeamMember', 'validation.unknownField');
      await assertActiveUser(db, { orgId: actor.orgId, userId: body.userId });
      return eachCustomer(actor, body.customerIds, async (id) => {
        await ownership.assign(actor, id, { userId: body.userId });
        return 'done';
      });
    },

    async returnToPool(actor: Actor, body: BulkReturnToPoolBody): Promise<BulkCustomerResult> {
      if (body.reason.trim() === '') throw invalidField('reason', 'validation.required');
      if (body.poolId !== undefined && !(await isCustomerPool(db, actor.orgId, body.poolId)))
        throw invalidField('poolId', 'validation.invalid');
      return cleanup.returnToPool(actor, body);
    },

    /** Adds the tags each customer lacks (an edit of its tags, audited); one already carrying them all is left as is. */
    async addTags(actor: Actor, body: BulkAddTagsBody): Promise<BulkCustomerResult> {
      const tags = [...new Set(body.tags.map((tag) => tag.trim()))];
      if (tags.some((tag) => tag === '')) throw invalidField('tags', 'validation.required');
      return eachCustomer(actor, body.customerIds, async (id) => {
        const current = await customersRepository.getById(db, actor, id);
        if (!current) throw notFound('entity.customer');
        const added = tags.filter((tag) => !current.tags.includes(tag));
        if (added.length === 0) return 'done';
        if (current.tags.length + added.length > MAX_TAGS)
          throw new AppError('validation', 'error.validation', {
            fields: [{ field: 'tags', key: 'validation.tooManyTags', params: { limit: MAX_TAGS } }],
          });
        await customers.update(actor, id, { tags: [...current.tags, ...added], version: current.version });
        return 'done';
      });
    },

    /** Moves each customer to the trash (soft delete, restorable), as deleting one does. */
    async delete(actor: Actor, body: BulkDeleteBody): Promise<BulkCustomerResult> {
      return eachCustomer(actor, body.customerIds, async (id) => {
        await customers.delete(actor, id);
        return 'done';
      });
    },
  };
}
