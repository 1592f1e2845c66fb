import type {
  CreateCustomerPoolBody,
  CustomerPool,
  CustomerPoolList,
  Locale,
  PoolRules,
  UpdateCustomerPoolBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { auditTrail } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { isPoolMember } from './pool-access.js';
import { newPoolMembership, updatedPoolMembership } from '../../platform/pools/pool-membership.js';
import { assertKnownPoolPrincipals } from '../../platform/pools/pool-store.js';
import { poolsRepository, type PoolRow } from './pools.repository.js';
import { unknownDictionaryCodes } from '../dictionaries/index.js';

const DEFAULT_POOL_NAME: Record<Locale, string> = { 'zh-CN': '公海', en: 'Customer pool' };

const toPool = (row: PoolRow): CustomerPool => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const nameTaken = () =>
  new AppError('conflict', 'error.poolNameTaken', { fields: [{ field: 'name', key: 'validation.invalid' }] });

/** The organization's default pool, open to every user, with the default rules (domain §3). */
export async function createDefaultPool(tx: Executor, options: { orgId: string; locale?: Locale }): Promise<string> {
  const id = newId();
  await poolsRepository.insert(tx, {
    orgId: options.orgId,
    id,
    name: DEFAULT_POOL_NAME[options.locale ?? 'zh-CN'],
    isDefault: true,
    openToAll: true,
  });
  return id;
}

const audit = auditTrail('customer_pool', toPool);

/**
 * Refuses (400 naming `rules.tierNoFollowUpDays.<code>`) per-level reclaim days for a code that is
 * no customer level of the organization. Deactivated levels count: their customers still exist.
 * Codes the pool already had pass unchecked, so a pool's older settings never block an edit.
 */
async function assertKnownTiers(
  tx: Executor,
  options: { orgId: string; rules: PoolRules | undefined; before?: PoolRules },
): Promise<void> {
  if (!options.rules) return;
  const previous = options.before?.tierNoFollowUpDays ?? {};
  const codes = Object.keys(options.rules.tierNoFollowUpDays).filter((code) => !Object.hasOwn(previous, code));
  const unknown = await unknownDictionaryCodes(tx, { orgId: options.orgId, kind: 'tier', codes });
  if (unknown.length > 0) {
    throw new AppError('validation', 'error.validation', {
      fields: unknown.map((code) => ({ field: `rules.tierNoFollowUpDays.${code}`, key: 'validation.unknownTier' })),
    });
  }
}

export function createPoolsService({ db }: { db: Db }) {
  return {
    /** Pool managers see every pool; others the pools they belong to. */
    async list(actor: Actor): Promise<CustomerPoolList> {
      const pools = await poolsRepository.findAll(db, actor.orgId);
      return { items: pools.filter((pool) => isPoolMember(actor, pool)).map(toPool) };
    },

    async get(actor: Actor, id: string): Promise<CustomerPool> {
      const pool = await poolsRepository.getById(db, actor.orgId, id);
      if (!pool || !isPoolMember(actor, pool)) throw notFound('entity.pool');
      return toPool(pool);
    },

    async create(actor: Actor, body: CreateCustomerPoolBody): Promise<CustomerPool> {
      if (body.name.trim() === '') throw invalidField('name', 'validation.required');
      const id = newId();
      const membership = newPoolMembership(body);
      return db.transaction(async (tx) => {
        await assertKnownPoolPrincipals(tx, actor.orgId, membership);
        await assertKnownTiers(tx, { orgId: actor.orgId, rules: body.rules });
        if (await poolsRepository.isNameTaken(tx, { orgId: actor.orgId, name: body.name.trim() })) throw nameTaken();
        await poolsRepository.insert(tx, {
          orgId: actor.orgId,
          id,
          name: body.name.trim(),
          openToAll: body.openToAll ?? false,
          ...(body.rules ? { rules: body.rules } : {}),
          ...(body.visibleFields ? { visibleFields: body.visibleFields } : {}),
        });
        await poolsRepository.replaceMembers(tx, { orgId: actor.orgId, poolId: id }, membership);
        const created = (await poolsRepository.getById(tx, actor.orgId, id))!;
        await audit.created(tx, { actor, entityId: id, after: created });
        return toPool(created);
      });
    },

    async update(actor: Actor, id: string, body: UpdateCustomerPoolBody): Promise<CustomerPool> {
      const { version, adminUserIds, memberUserIds, memberDepartmentIds, ...changes } = body;
      if (changes.name?.trim() === '') throw invalidField('name', 'validation.required');
      return db.transaction(async (tx) => {
        const locked = await poolsRepository.lockById(tx, actor.orgId, id);
        if (!locked) throw notFound('entity.pool');
        if (locked.version !== version) throw staleVersion();
        const before = (await poolsRepository.getById(tx, actor.orgId, id))!;
        const membership = updatedPoolMembership({ adminUserIds, memberUserIds, memberDepartmentIds }, before);
        await assertKnownPoolPrincipals(tx, actor.orgId, { adminUserIds, memberUserIds, memberDepartmentIds });
        await assertKnownTiers(tx, { orgId: actor.orgId, rules: changes.rules, before: before.rules });
        if (
          changes.name !== undefined &&
          (await poolsRepository.isNameTaken(tx, { orgId: actor.orgId, name: changes.name.trim(), exceptId: id }))
        ) {
          throw nameTaken();
        }
        const updated = await poolsRepository.update(
          tx,
          { orgId: actor.orgId, id, version },
          { ...changes, ...(changes.name === undefined ? {} : { name: changes.name.trim() }) },
        );
        if (!updated) throw staleVersion();
        await poolsRepository.replaceMembers(tx, { orgId: actor.orgId, poolId: id }, membership);
        const after = (await poolsRepository.getById(tx, actor.orgId, id))!;
        await audit.updated(tx, { actor, entityId: id, before, after });
        return toPool(after);
      });
    },
  };
}
