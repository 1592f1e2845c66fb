import type { CreateWarehouseBody, UpdateWarehouseBody, Warehouse, WarehouseList } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { auditTrail, recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { optionalText, requiredText } from './stock.values.js';
import { isUniqueViolation } from '../org/index.js';
import { warehousesRepository, type WarehouseRow } from './warehouses.repository.js';

const codeTaken = () =>
  new AppError('duplicate', 'error.stock.warehouseCodeTaken', {
    fields: [{ field: 'code', key: 'error.stock.warehouseCodeTaken' }],
  });

const toWarehouse = (row: WarehouseRow): Warehouse => ({
  id: row.id,
  code: row.code,
  name: row.name,
  address: row.address,
  isDefault: row.isDefault,
  active: row.active,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const audit = auditTrail('warehouse', toWarehouse);

/** The database's own name of the unique index a violation hit, when the driver reports it. */
function violatedConstraint(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const constraint = (current as { constraint?: unknown }).constraint;
    if (typeof constraint === 'string') return constraint;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A race past the service's checks: a taken code names the field; two new defaults at once is a plain conflict. */
function mapUniqueViolation(error: unknown): unknown {
  if (!isUniqueViolation(error)) return error;
  return violatedConstraint(error) === 'warehouses_default_key'
    ? new AppError('conflict', 'error.staleVersion')
    : codeTaken();
}

async function makeDefault(tx: Executor, actor: Actor, id: string): Promise<void> {
  const cleared = await warehousesRepository.clearDefault(tx, actor.orgId, id);
  for (const old of cleared) {
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'warehouse',
      entityId: old.id,
      before: { isDefault: true },
      after: { isDefault: false },
    });
  }
}

/** Warehouses (仓库): one active default, used for new orders. */
export function createWarehousesService({ db }: { db: Db }) {
  return {
    async list(actor: Actor): Promise<WarehouseList> {
      return { items: (await warehousesRepository.list(db, actor.orgId)).map(toWarehouse) };
    },

    async create(actor: Actor, body: CreateWarehouseBody): Promise<Warehouse> {
      const active = body.active ?? true;
      const isDefault = body.isDefault ?? false;
      if (isDefault && !active) throw new AppError('business_rule', 'error.stock.defaultInactive');
      const values = {
        orgId: actor.orgId,
        id: newId(),
        code: requiredText('code', body.code),
        name: requiredText('name', body.name),
        address: optionalText(body.address),
        isDefault,
        active,
      };
      try {
        return await db.transaction(async (tx) => {
          if (await warehousesRepository.codeTaken(tx, actor.orgId, values.code)) throw codeTaken();
          if (isDefault) await makeDefault(tx, actor, values.id);
          await warehousesRepository.insert(tx, values);
          await recordAudit(tx, actor, { action: 'create', entity: 'warehouse', entityId: values.id, after: values });
          return toWarehouse((await warehousesRepository.getById(tx, actor.orgId, values.id))!);
        });
      } catch (error) {
        throw mapUniqueViolation(error);
      }
    },

    async update(actor: Actor, id: string, body: UpdateWarehouseBody): Promise<Warehouse> {
      const { version, ...input } = body;
      try {
        return await db.transaction(async (tx) => {
          const before = await warehousesRepository.lockById(tx, actor.orgId, id);
          if (!before) throw notFound('entity.warehouse');
          if (before.version !== version) throw staleVersion();
          const changes: Partial<WarehouseRow> = {};
          if (input.code !== undefined) changes.code = requiredText('code', input.code);
          if (input.name !== undefined) changes.name = requiredText('name', input.name);
          if (input.address !== undefined) changes.address = optionalText(input.address);
          if (input.active !== undefined) changes.active = input.active;
          if (input.isDefault !== undefined) changes.isDefault = input.isDefault;
          if ((changes.isDefault ?? before.isDefault) && !(changes.active ?? before.active))
            throw new AppError('business_rule', 'error.stock.defaultInactive');
          if (changes.code !== undefined && (await warehousesRepository.codeTaken(tx, actor.orgId, changes.code, id)))
            throw codeTaken();
          if (changes.isDefault && !before.isDefault) await makeDefault(tx, actor, id);
          if (!(await warehousesRepository.update(tx, { orgId: actor.orgId, id, version }, changes)))
            throw staleVersion();
          const after = (await warehousesRepository.getById(tx, actor.orgId, id))!;
          await audit.updated(tx, { actor, entityId: id, before, after });
          return toWarehouse(after);
        });
      } catch (error) {
        throw mapUniqueViolation(error);
      }
    },
  };
}
