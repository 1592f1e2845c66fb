import {
  LEAD_WRITABLE_FIELDS,
  type CreateLeadBody,
  type Lead,
  type LeadListQuery,
  type LeadPage,
  type LeadWriteResult,
  type UpdateLeadBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { auditTrail, recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { softDeletedBy } from '../../platform/db/row-values.js';
import { insertValues } from '../../platform/db/shapes.js';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { decodeCursor } from '../../platform/pagination.js';
import { buildSearchQuery } from '../../platform/search/search-tokens.js';
import { assertDictionaryValues } from '../dictionaries/index.js';
import { leadPoolsRepository } from './lead-pools.repository.js';
import { ownedLeadScope, readableLeadScope, writtenLeadScope } from './lead-scope.js';
import { checkLeadWrite } from './leads.duplicates.js';
import { leadsRepository, type LeadFilters, type LeadRow } from './leads.repository.js';
import {
  assertWritableLeadFields,
  leadDerivedColumns,
  leadFieldAccess,
  leadSnapshot,
  toLead,
  toLeadPage,
} from './leads.values.js';

/** Locks one lead the actor may write (own scope, live, not converted); otherwise 404 / 409. */
export async function lockWritableLead(
  tx: Executor,
  actor: Actor,
  id: string,
  options: { deleted?: boolean } = {},
): Promise<LeadRow> {
  const [row] = await leadsRepository.lockByIds(tx, ownedLeadScope(actor), [id]);
  if (!row || (row.deletedAt !== null) !== (options.deleted ?? false)) throw notFound('entity.lead');
  return row;
}

async function assertKnownPool(executor: Executor, actor: Actor, poolId: string | null | undefined): Promise<void> {
  if (!poolId) return;
  if (!(await leadPoolsRepository.getById(executor, actor.orgId, poolId)))
    throw invalidField('poolId', 'validation.invalid');
}

const audit = auditTrail('lead', leadSnapshot);

export function createLeadsService({ db }: { db: Db }) {
  /** Reads back a lead just written in this transaction, also when it now belongs to someone outside the caller's scope. */
  const readBack = async (executor: Executor, actor: Actor, id: string): Promise<Lead> =>
    toLead((await leadsRepository.getById(executor, writtenLeadScope(actor), id, { includeDeleted: true }))!, actor);

  return {
    /** The caller's leads by data scope: a salesperson sees only their own (pool leads via the pool). */
    async list(actor: Actor, query: LeadListQuery): Promise<LeadPage> {
      const limit = query.limit ?? 50;
      const filters: LeadFilters = {
        poolId: query.poolId,
        status: query.status,
        ownerId: query.ownerId,
        source: query.source,
        deleted: query.deleted,
      };
      if (query.q !== undefined) {
        const searchQuery = buildSearchQuery(query.q, {
          phone: leadFieldAccess(actor, 'mobile') !== 'hidden',
          email: leadFieldAccess(actor, 'email') !== 'hidden',
        });
        if (searchQuery === null) return { items: [], nextCursor: null };
        filters.searchQuery = searchQuery;
      }
      const cursor = decodeCursor(query.cursor, 'timestamp');
      const page = await leadsRepository.findPage(db, ownedLeadScope(actor), { filters, cursor, limit: limit + 1 });
      return toLeadPage(page, limit, actor);
    },

    async get(actor: Actor, id: string): Promise<Lead> {
      const row = await leadsRepository.getById(db, readableLeadScope(actor), id);
      if (!row) throw notFound('entity.lead');
      return toLead(row, actor);
    },

    async create(actor: Actor, body: CreateLeadBody): Promise<LeadWriteResult> {
      assertWritableLeadFields(actor, body);
      if (body.name.trim() === '') throw invalidField('name', 'validation.required');
      const id = newId();
      return db.transaction(async (tx) => {
        await assertKnownPool(tx, actor, body.poolId);
        await assertDictionaryValues(tx, { orgId: actor.orgId, values: { source: body.source } });
        // A lead put into a pool waits there; one without a pool belongs to whoever entered it.
        let ownerId: string | null = body.poolId ? null : actor.userId;
        if (body.ownerId !== undefined && body.ownerId !== actor.userId) {
          if (!actor.permissions.has('leads.assign'))
            throw new AppError('validation', 'error.ownerNotAllowed', {
              fields: [{ field: 'ownerId', key: 'validation.invalid' }],
            });
          if ((await leadsRepository.findAssignableOwners(tx, actor, [body.ownerId])).length === 0)
            throw invalidField('ownerId', 'validation.invalid');
        }
        if (body.ownerId !== undefined) ownerId = body.ownerId;
        const warnings = await checkLeadWrite(tx, actor, { mobile: body.mobile, phone: body.phone, email: body.email });
        const values = {
          orgId: actor.orgId,
          id,
          name: body.name.trim(),
          ...insertValues(LEAD_WRITABLE_FIELDS, body, {}),
          companyName: body.companyName?.trim() ?? null,
          ownerId,
          status: ownerId === null ? 'new' : 'assigned',
          createdBy: actor.userId,
        };
        await leadsRepository.insert(tx, { ...values, ...leadDerivedColumns(values) });
        await recordAudit(tx, actor, { action: 'create', entity: 'lead', entityId: id, after: values });
        return { ...(await readBack(tx, actor, id)), duplicateWarnings: warnings };
      });
    },

    async update(actor: Actor, id: string, body: UpdateLeadBody): Promise<LeadWriteResult> {
      const { version, ...input } = body;
      assertWritableLeadFields(actor, input);
      if (input.name?.trim() === '') throw invalidField('name', 'validation.required');
      return db.transaction(async (tx) => {
        const before = await lockWritableLead(tx, actor, id);
        if (before.version !== version) throw staleVersion();
        if (before.status === 'converted') throw new AppError('conflict', 'error.leadConverted');
        await assertKnownPool(tx, actor, input.poolId);
        await assertDictionaryValues(tx, {
          orgId: actor.orgId,
          values: { source: input.source },
          previous: { source: before.source },
        });
        const changes = { ...input, ...(input.name === undefined ? {} : { name: input.name.trim() }) };
        const changed = <K extends 'mobile' | 'phone' | 'email'>(key: K) =>
          changes[key] !== undefined && changes[key] !== before[key] ? changes[key] : undefined;
        const warnings = await checkLeadWrite(tx, actor, {
          excludeId: id,
          mobile: changed('mobile'),
          phone: changed('phone'),
          email: changed('email'),
        });
        const next = { ...before, ...changes };
        const updated = await leadsRepository.update(
          tx,
          { orgId: actor.orgId, id, version },
          { ...changes, ...leadDerivedColumns(next) },
        );
        if (!updated) throw staleVersion();
        const after = (await leadsRepository.getById(tx, writtenLeadScope(actor), id))!;
        await audit.updated(tx, { actor, entityId: id, before, after });
        return { ...toLead(after, actor), duplicateWarnings: warnings };
      });
    },

    /** Soft delete: the lead moves to the trash and can be restored whole. */
    async delete(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const before = await lockWritableLead(tx, actor, id);
        await leadsRepository.update(
          tx,
          { orgId: actor.orgId, id, version: before.version },
          softDeletedBy(actor.userId),
        );
        await recordAudit(tx, actor, { action: 'delete', entity: 'lead', entityId: id, before: { deletedAt: null } });
      });
    },

    async restore(actor: Actor, id: string): Promise<Lead> {
      return db.transaction(async (tx) => {
        const before = await lockWritableLead(tx, actor, id, { deleted: true });
        await leadsRepository.update(
          tx,
          { orgId: actor.orgId, id, version: before.version },
          { deletedAt: null, deletedBy: null },
        );
        await recordAudit(tx, actor, {
          action: 'restore',
          entity: 'lead',
          entityId: id,
          before: { deletedAt: before.deletedAt },
          after: { deletedAt: null },
        });
        return readBack(tx, actor, id);
      });
    },
  };
}
export type LeadsService = ReturnType<typeof createLeadsService>;
