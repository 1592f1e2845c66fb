import type {
  CreateLeadPoolBody,
  LeadPage,
  LeadPool,
  LeadPoolLeadsQuery,
  LeadPoolList,
  UpdateLeadPoolBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { decodeCursor } from '../../platform/pagination.js';
import {
  isPoolMember,
  newPoolMembership,
  updatedPoolMembership,
  type PoolActor,
  type PoolMembership,
} from '../../platform/pools/pool-membership.js';
import { assertKnownPoolPrincipals } from '../../platform/pools/pool-store.js';
import { leadPoolsRepository, type LeadPoolRow } from './lead-pools.repository.js';
import { claimableLeadScope, leadPoolPolicy } from './lead-scope.js';
import { leadsRepository } from './leads.repository.js';
import { toLeadPage } from './leads.values.js';

const toPool = (row: LeadPoolRow): LeadPool => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** Admins and members (directly or through their department) see a pool; `leads.manage` sees all. */
export const isLeadPoolMember = (actor: PoolActor, pool: PoolMembership): boolean =>
  isPoolMember(actor, pool, leadPoolPolicy);

const nameTaken = () =>
  new AppError('conflict', 'error.leadPoolNameTaken', { fields: [{ field: 'name', key: 'validation.invalid' }] });

export function createLeadPoolsService({ db }: { db: Db }) {
  async function visiblePool(executor: Executor, actor: Actor, id: string): Promise<LeadPoolRow> {
    const pool = await leadPoolsRepository.getById(executor, actor.orgId, id);
    if (!pool || !isLeadPoolMember(actor, pool)) throw notFound('entity.leadPool');
    return pool;
  }

  return {
    async list(actor: Actor): Promise<LeadPoolList> {
      const pools = await leadPoolsRepository.findAll(db, actor.orgId);
      return { items: pools.filter((pool) => isLeadPoolMember(actor, pool)).map(toPool) };
    },

    async get(actor: Actor, id: string): Promise<LeadPool> {
      return toPool(await visiblePool(db, actor, id));
    },

    async create(actor: Actor, body: CreateLeadPoolBody): Promise<LeadPool> {
      const id = newId();
      const name = body.name.trim();
      if (name === '') throw invalidField('name', 'validation.required');
      const membership = newPoolMembership(body);
      return db.transaction(async (tx) => {
        await assertKnownPoolPrincipals(tx, actor.orgId, membership);
        if (await leadPoolsRepository.isNameTaken(tx, { orgId: actor.orgId, name })) throw nameTaken();
        await leadPoolsRepository.insert(tx, { orgId: actor.orgId, id, name, description: body.description ?? null });
        await leadPoolsRepository.replaceMembers(tx, { orgId: actor.orgId, poolId: id }, membership);
        const created = toPool((await leadPoolsRepository.getById(tx, actor.orgId, id))!);
        await recordAudit(tx, actor, { action: 'create', entity: 'lead_pool', entityId: id, after: created });
        return created;
      });
    },

    async update(actor: Actor, id: string, body: UpdateLeadPoolBody): Promise<LeadPool> {
      const { version, adminUserIds, memberUserIds, memberDepartmentIds, ...changes } = body;
      return db.transaction(async (tx) => {
        const locked = await leadPoolsRepository.lockById(tx, actor.orgId, id);
        if (!locked) throw notFound('entity.leadPool');
        if (locked.version !== version) throw staleVersion();
        const before = (await leadPoolsRepository.getById(tx, actor.orgId, id))!;
        await assertKnownPoolPrincipals(tx, actor.orgId, { adminUserIds, memberUserIds, memberDepartmentIds });
        const name = changes.name?.trim();
        if (name === '') throw invalidField('name', 'validation.required');
        if (
          name !== undefined &&
          (await leadPoolsRepository.isNameTaken(tx, { orgId: actor.orgId, name, exceptId: id }))
        )
          throw nameTaken();
        const updated = await leadPoolsRepository.update(
          tx,
          { orgId: actor.orgId, id, version },
          { ...changes, ...(name === undefined ? {} : { name }) },
        );
        if (!updated) throw staleVersion();
        await leadPoolsRepository.replaceMembers(
          tx,
          { orgId: actor.orgId, poolId: id },
          updatedPoolMembership({ adminUserIds, memberUserIds, memberDepartmentIds }, before),
        );
        const after = toPool((await leadPoolsRepository.getById(tx, actor.orgId, id))!);
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'lead_pool',
          entityId: id,
          before: toPool(before),
          after,
        });
        return after;
      });
    },

    /** Only an empty pool can go: leads keep their pool as where they came from. */
    async delete(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        if (!(await leadPoolsRepository.lockById(tx, actor.orgId, id))) throw notFound('entity.leadPool');
        if (await leadPoolsRepository.hasLeads(tx, actor.orgId, id))
          throw new AppError('conflict', 'error.leadPoolNotEmpty');
        const before = toPool((await leadPoolsRepository.getById(tx, actor.orgId, id))!);
        await leadPoolsRepository.delete(tx, actor.orgId, id);
        await recordAudit(tx, actor, { action: 'delete', entity: 'lead_pool', entityId: id, before });
      });
    },

    /** The pool's unassigned leads, for its members to claim and its admins to assign. */
    async listLeads(actor: Actor, id: string, query: LeadPoolLeadsQuery): Promise<LeadPage> {
      await visiblePool(db, actor, id);
      const limit = query.limit ?? 50;
      const cursor = decodeCursor(query.cursor, 'timestamp');
      const page = await leadsRepository.findPage(db, claimableLeadScope(actor), {
        filters: { poolId: id, unassigned: true },
        cursor,
        limit: limit + 1,
      });
      return toLeadPage(page, limit, actor);
    },
  };
}
export type LeadPoolsService = ReturnType<typeof createLeadPoolsService>;
