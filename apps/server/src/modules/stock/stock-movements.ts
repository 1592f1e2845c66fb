import { MAX_STOCK_QUANTITY, type CreateStockMovementBody } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { invalidField } from '../../platform/errors/app-error.js';
import { stockShort } from './order-stock.js';
import { stockLevelsRepository, type LevelAfter, type LevelKey } from './stock-levels.repository.js';
import { stockRepository } from './stock.repository.js';
import { optionalText } from './stock.values.js';
import { warehousesRepository } from './warehouses.repository.js';

/** Kinds whose reason is required: stock leaving or moving without an order must say why. */
const REASON_REQUIRED = new Set(['issue', 'transfer', 'adjustment']);

async function assertActiveWarehouse(tx: Executor, orgId: string, field: string, id: string): Promise<void> {
  const warehouse = await warehousesRepository.getById(tx, orgId, id);
  if (!warehouse) throw invalidField(field, 'validation.invalid');
  if (!warehouse.active) throw invalidField(field, 'validation.stock.inactive');
}

/** Checks the body before anything is written; returns the product's name for a shortage message. */
async function validate(tx: Executor, actor: Actor, body: CreateStockMovementBody) {
  const isAdjustment = body.kind === 'adjustment';
  if (isAdjustment ? body.quantity === 0 : body.quantity <= 0)
    throw invalidField('quantity', 'validation.stock.quantity');
  const reason = optionalText(body.reason);
  if (reason === null && REASON_REQUIRED.has(body.kind))
    throw invalidField('reason', 'validation.stock.reasonRequired');
  const toWarehouseId = body.toWarehouseId ?? null;
  if (body.kind === 'transfer') {
    if (toWarehouseId === null) throw invalidField('toWarehouseId', 'validation.required');
    if (toWarehouseId === body.warehouseId) throw invalidField('toWarehouseId', 'validation.stock.sameWarehouse');
  } else if (toWarehouseId !== null) {
    throw invalidField('toWarehouseId', 'validation.invalid');
  }
  await assertActiveWarehouse(tx, actor.orgId, 'warehouseId', body.warehouseId);
  if (toWarehouseId !== null) await assertActiveWarehouse(tx, actor.orgId, 'toWarehouseId', toWarehouseId);
  const product = await stockRepository.getProduct(tx, actor.orgId, body.productId);
  if (!product || product.deletedAt !== null) throw invalidField('productId', 'validation.invalid');
  if (!product.active) throw invalidField('productId', 'validation.stock.inactive');
  return { reason, toWarehouseId, productName: product.name };
}

/**
 * Applies a manual movement at once (status done). Decreases go through the conditional update,
 * so a shortage is a 409 naming the product, never a CHECK violation.
 */
export async function recordMovement(tx: Executor, actor: Actor, body: CreateStockMovementBody): Promise<string> {
  const { reason, toWarehouseId, productName } = await validate(tx, actor, body);
  const source: LevelKey = { orgId: actor.orgId, warehouseId: body.warehouseId, productId: body.productId };
  const take = async (key: LevelKey, quantity: number): Promise<LevelAfter> => {
    const level = await stockLevelsRepository.takeAvailable(tx, key, quantity);
    if (level) return level;
    const available =
      (await stockLevelsRepository.available(tx, key.orgId, key.warehouseId, [key.productId])).get(key.productId) ?? 0;
    throw stockShort(productName, Math.max(available, 0), quantity);
  };

  const add = async (key: LevelKey, quantity: number): Promise<LevelAfter> => {
    const level = await stockLevelsRepository.addOnHand(tx, key, quantity);
    if (level) return level;
    throw invalidField('quantity', 'validation.stock.onHandLimit', { limit: MAX_STOCK_QUANTITY });
  };

  const levels: Record<string, LevelAfter> = {};
  switch (body.kind) {
    case 'receipt':
      levels[body.warehouseId] = await add(source, body.quantity);
      break;
    case 'issue':
      levels[body.warehouseId] = await take(source, body.quantity);
      break;
    case 'adjustment':
      levels[body.warehouseId] =
        body.quantity > 0 ? await add(source, body.quantity) : await take(source, -body.quantity);
      break;
    case 'transfer': {
      const target: LevelKey = { ...source, warehouseId: toWarehouseId! };
      // Rows are locked in warehouse-id order, so two opposite transfers cannot deadlock.
      if (target.warehouseId < source.warehouseId) {
        levels[target.warehouseId] = await add(target, body.quantity);
        levels[source.warehouseId] = await take(source, body.quantity);
      } else {
        levels[source.warehouseId] = await take(source, body.quantity);
        levels[target.warehouseId] = await add(target, body.quantity);
      }
      break;
    }
  }

  const values = {
    orgId: actor.orgId,
    id: newId(),
    kind: body.kind,
    status: 'done',
    warehouseId: body.warehouseId,
    toWarehouseId,
    productId: body.productId,
    quantity: body.quantity,
    reason,
    createdBy: actor.userId,
  };
  await stockLevelsRepository.insertMovements(tx, [values]);
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'stock_movement',
    entityId: values.id,
    after: { ...values, levels },
  });
  return values.id;
}
