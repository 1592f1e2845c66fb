import type { CreateCustomerBody, Customer, CustomerListQuery, CustomerPage, CustomerWriteResult, UpdateCustomerBody } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { EXACT_TOTAL_LIMIT, decodeCursor, encodeCursor } from '../../platform/pagination.js';
import { buildSearchQuery } from '../../platform/search/search-tokens.js';
import { duplicateCheck } from '../duplicates/index.js';
import { assertWritableFields, fieldAccess, toCustomer } from './customers.fields.js';
import { customersRepository, type CustomerFilters, type CustomerRow, type CustomerSortKey } from './customers.repository.js';
import { assertValidCustomer, cleanCustomerInput, customerDerivedColumns } from './customers.values.js';

/** Audit snapshots leave out derived columns. */
const snapshot = (row: CustomerRow) => {
  const { ownerName: _ownerName, ...rest } = row;
  return rest;
};

export function createCustomersService({ db, events }: { db: Db; events: EventBus }) {
  /**
   * Creating for oneself needs no extra right; giving a customer to anyone else, or changing the
   * owner of an existing one (even to oneself, which would bypass the pool's claim rules), needs
   * `customers.assign`.
   */
  async function assertOwnerAllowed(executor: Executor, actor: Actor, ownerId: string | undefined, currentOwnerId: string | null) {
    if (ownerId === undefined || ownerId === currentOwnerId) return;
    if (!actor.permissions.has('customers.assign')) {
      throw new AppError('validation', 'error.ownerNotAllowed', { fields: [{ field: 'ownerId', key: 'validation.invalid' }] });
    }
    if (!(await customersRepository.isAssignableOwner(executor, actor, ownerId))) {
      throw new AppError('validation', 'error.unknownOwner', { fields: [{ field: 'ownerId', key: 'validation.invalid' }] });
    }
  }

  return {
    async list(actor: Actor, query: CustomerListQuery): Promise<CustomerPage> {
      const limit = query.limit ?? 50;
      const sortParam = query.sort ?? '-updatedAt';
      const descending = sortParam.startsWith('-');
      const sort = (descending ? sortParam.slice(1) : sortParam) as CustomerSortKey;
      const filters: CustomerFilters = {
        stage: query.stage,
        kind: query.kind,
        tier: query.tier,
        source: query.source,
        ownerId: query.ownerId,
        scale: query.scale,
        gender: query.gender,
        industry: query.industry,
        province: query.province,
        city: query.city,
        district: query.district,
        tags: query.tag,
        createdFrom: query.createdFrom,
        createdTo: query.createdTo,
        updatedFrom: query.updatedFrom,
        updatedTo: query.updatedTo,
        deleted: query.deleted,
      };
      if (query.q !== undefined) {
        const searchQuery = buildSearchQuery(query.q, {
          phone: fieldAccess(actor.fieldPermissions, 'phone') !== 'hidden',
          email: fieldAccess(actor.fieldPermissions, 'email') !== 'hidden',
        });
        if (searchQuery === null) return { items: [], nextCursor: null, total: 0, totalIsEstimate: false };
        filters.searchQuery = searchQuery;
      }
      const cursor = decodeCursor(query.cursor, sort === 'name' || sort === 'customerNo' ? 'text' : 'timestamp');
      const page = await customersRepository.findPage(db, actor, { filters, sort, descending, cursor, limit: limit + 1 });
      const hasMore = page.rows.length > limit;
      const rows = page.rows.slice(0, limit);
      const last = rows.at(-1);
      const nextCursor = hasMore && last ? encodeCursor({ value: page.sortValues[limit - 1] ?? null, id: last.id }) : null;
      const items = rows.map((r) => toCustomer(r, actor));
      // The total is counted for the first page only: later pages continue a list whose size
      // the client already knows, and counting is the costliest part of a page (bench W1/W2).
      if (cursor) return { items, nextCursor };
      if (!hasMore) return { items, nextCursor, total: rows.length, totalIsEstimate: false };
      const exact = await customersRepository.countUpTo(db, actor, filters, EXACT_TOTAL_LIMIT);
      if (exact !== null) return { items, nextCursor, total: exact, totalIsEstimate: false };
      const estimate = await customersRepository.estimateCount(db, actor, filters);
      return { items, nextCursor, total: Math.max(estimate, EXACT_TOTAL_LIMIT + 1), totalIsEstimate: true };
    },

    async get(actor: Actor, id: string): Promise<Customer> {
      const row = await customersRepository.getById(db, actor, id);
      if (!row) throw notFound('entity.customer');
      return toCustomer(row, actor);
    },

    async create(actor: Actor, input: CreateCustomerBody): Promise<CustomerWriteResult> {
      assertWritableFields(actor, input);
      const body = cleanCustomerInput(input);
      assertValidCustomer(body);
      const id = newId();
      const duplicateWarnings = await db.transaction(async (tx) => {
        await assertOwnerAllowed(tx, actor, body.ownerId, actor.userId);
        const warnings = await duplicateCheck.customerWrite(tx, actor, body);
        const customerNo = await customersRepository.nextCustomerNo(tx, actor.orgId);
        const values = {
          orgId: actor.orgId,
          id,
          customerNo,
          kind: body.kind,
          name: body.name,
          phone: body.phone ?? null,
          email: body.email ?? null,
          creditCode: body.creditCode ?? null,
          industry: body.industry ?? null,
          scale: body.scale ?? null,
          website: body.website ?? null,
          gender: body.gender ?? null,
          birthday: body.birthday ?? null,
          tier: body.tier ?? null,
          source: body.source ?? null,
          stage: body.stage ?? 'prospect',
          tags: body.tags ?? [],
          province: body.province ?? null,
          city: body.city ?? null,
          district: body.district ?? null,
          regionCode: body.regionCode ?? null,
          address: body.address ?? null,
          remarks: body.remarks ?? null,
          ownerId: body.ownerId ?? actor.userId,
          createdBy: actor.userId,
        };
        await customersRepository.insert(tx, { ...values, ...customerDerivedColumns(values) });
        await recordAudit(tx, auditContextOf(actor), { action: 'create', entity: 'customer', entityId: id, after: values });
        await events.publish(tx, { type: 'customer.created', orgId: actor.orgId, customerId: id, actorId: actor.userId, at: new Date() });
        return warnings;
      });
      // Read back through the scope: a clerk who hands the customer to someone outside their
      // scope gets the record once, as created.
      const created = await customersRepository.getById(db, { ...actor, dataScope: 'all' }, id);
      return { ...toCustomer(created!, actor), duplicateWarnings };
    },

    async update(actor: Actor, id: string, body: UpdateCustomerBody): Promise<CustomerWriteResult> {
      const { version, ...input } = body;
      assertWritableFields(actor, input);
      const changes = cleanCustomerInput(input);
      return db.transaction(async (tx) => {
        const before = await customersRepository.lockById(tx, actor, id);
        if (!before || before.deletedAt !== null) throw notFound('entity.customer');
        if (before.version !== version) throw staleVersion();
        await assertOwnerAllowed(tx, actor, changes.ownerId, before.ownerId);
        const next = { ...before, ...changes };
        assertValidCustomer(next);
        // Only values that change are checked: a record is never blocked by an old duplicate.
        const changed = <K extends 'name' | 'phone' | 'email' | 'creditCode'>(key: K) =>
          changes[key] !== undefined && changes[key] !== before[key] ? changes[key] : undefined;
        const duplicateWarnings = await duplicateCheck.customerWrite(tx, actor, {
          excludeId: id,
          name: changed('name'),
          phone: changed('phone'),
          email: changed('email'),
          creditCode: changed('creditCode'),
        });
        const updated = await customersRepository.update(
          tx,
          { orgId: actor.orgId, id, version },
          { ...changes, ...customerDerivedColumns(next) },
        );
        if (!updated) throw staleVersion();
        const after = await customersRepository.getById(tx, { ...actor, dataScope: 'all' }, id);
        const { searchTokens: _tokens, ...beforeRow } = before;
        await recordAudit(tx, auditContextOf(actor), {
          action: 'update',
          entity: 'customer',
          entityId: id,
          before: snapshot(beforeRow),
          after: snapshot(after!),
        });
        return { ...toCustomer(after!, actor), duplicateWarnings };
      });
    },

    /** Soft delete: the record moves to the trash and can be restored whole. */
    async delete(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const before = await customersRepository.lockById(tx, actor, id);
        if (!before || before.deletedAt !== null) throw notFound('entity.customer');
        await customersRepository.update(
          tx,
          { orgId: actor.orgId, id, version: before.version },
          { deletedAt: sql`now()` as unknown as Date, deletedBy: actor.userId },
        );
        await recordAudit(tx, auditContextOf(actor), { action: 'delete', entity: 'customer', entityId: id, before: { deletedAt: null } });
      });
    },

    async restore(actor: Actor, id: string): Promise<Customer> {
      return db.transaction(async (tx) => {
        const before = await customersRepository.lockById(tx, actor, id);
        if (!before) throw notFound('entity.customer');
        if (before.deletedAt === null) throw new AppError('conflict', 'error.notDeleted');
        await customersRepository.update(tx, { orgId: actor.orgId, id, version: before.version }, { deletedAt: null, deletedBy: null });
        const after = await customersRepository.getById(tx, actor, id);
        await recordAudit(tx, auditContextOf(actor), {
          action: 'restore',
          entity: 'customer',
          entityId: id,
          before: { deletedAt: before.deletedAt },
          after: { deletedAt: null },
        });
        return toCustomer(after!, actor);
      });
    },
  };
}
export type CustomersService = ReturnType<typeof createCustomersService>;
