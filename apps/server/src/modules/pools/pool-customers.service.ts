import {
  POOL_VISIBLE_FIELDS,
  type CustomerOwnership,
  type OwnershipEvent,
  type OwnershipEventPage,
  type OwnershipEventQuery,
  type PoolCustomer,
  type PoolCustomerPage,
  type PoolCustomerQuery,
  type ProtectedField,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors/app-error.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { ownershipRepository, type OwnershipRow } from './ownership.repository.js';
import { toOwnership } from './ownership-view.js';
import { isPoolMember } from './pool-access.js';
import { poolCustomersRepository, type PoolCustomerRow } from './pool-customers.repository.js';
import { poolOfCustomer } from './pool-lookup.js';
import { poolsRepository, type PoolRow } from './pools.repository.js';

/** Before claiming, a member sees only the pool's visible fields, and never a field their role hides. */
function toPoolCustomer(row: PoolCustomerRow, pool: PoolRow, actor: Pick<Actor, 'fieldPermissions'>): PoolCustomer {
  const customer: PoolCustomer = {
    id: row.id,
    customerNo: row.customerNo,
    kind: row.kind as PoolCustomer['kind'],
    name: row.name,
    previousOwnerId: row.previousOwnerId,
  };
  for (const field of POOL_VISIBLE_FIELDS) {
    const hiddenByRole = actor.fieldPermissions[`customers.${field}` as ProtectedField] === 'hidden';
    if (pool.visibleFields.includes(field) && !hiddenByRole) Object.assign(customer, { [field]: row[field] });
  }
  return customer;
}

/** Reads: a pool's customers, a customer's ownership and its ownership history. */
export function createPoolCustomersService({ db, clock = () => new Date() }: { db: Db; clock?: () => Date }) {
  /** Whoever may read the customer: its read scope, or — while it lies in a pool — the pool's members. */
  async function readable(actor: Actor, id: string): Promise<{ row: OwnershipRow; pool: PoolRow }> {
    const row = await ownershipRepository.getById(db, actor.orgId, id);
    if (!row) throw notFound('entity.customer');
    const pool = await poolOfCustomer(db, actor.orgId, row);
    const visible =
      (row.ownerId === null && isPoolMember(actor, pool)) ||
      (await ownershipRepository.isInScope(db, actor, id, 'read'));
    if (!visible) throw notFound('entity.customer');
    return { row, pool };
  }

  return {
    async list(actor: Actor, poolId: string, query: PoolCustomerQuery): Promise<PoolCustomerPage> {
      const pool = await poolsRepository.getById(db, actor.orgId, poolId);
      if (!pool || !isPoolMember(actor, pool)) throw notFound('entity.pool');
      const limit = query.limit ?? 50;
      const cursor = decodeCursor(query.cursor, 'text');
      const rows = await poolCustomersRepository.findPage(db, { orgId: actor.orgId, pool, cursor, limit: limit + 1 });
      const page = keysetPage(rows, { limit, sortValueOf: () => null });
      return { items: page.rows.map((row) => toPoolCustomer(row, pool, actor)), nextCursor: page.nextCursor };
    },

    async getOwnership(actor: Actor, id: string): Promise<CustomerOwnership> {
      const { row, pool } = await readable(actor, id);
      return toOwnership(row, pool, clock());
    },

    async findEvents(actor: Actor, id: string, query: OwnershipEventQuery): Promise<OwnershipEventPage> {
      await readable(actor, id);
      const limit = query.limit ?? 50;
      const cursor = decodeCursor(query.cursor, 'timestamp');
      const rows = await ownershipRepository.findEvents(db, {
        orgId: actor.orgId,
        customerId: id,
        cursor,
        limit: limit + 1,
      });
      const page = keysetPage(rows, { limit, sortValueOf: (row) => row.sortValue });
      return {
        items: page.rows.map(({ sortValue: _sortValue, ...event }) => ({
          ...event,
          kind: event.kind as OwnershipEvent['kind'],
          at: event.at.toISOString(),
        })),
        nextCursor: page.nextCursor,
      };
    },
  };
}
