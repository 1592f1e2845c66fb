import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { stockMovements, users } from '../../platform/db/schema/index.js';
import { demoProducts } from '../products/index.js';
import { stockLevelsRepository } from './stock-levels.repository.js';
import { warehousesRepository } from './warehouses.repository.js';
import { DAY_MS } from '../../platform/time/index.js';

/**
 * Two warehouses (主仓 default, 华南仓) and a history of receipts, a transfer and a stock-take
 * correction for the demo catalog; a couple of products are left low to show the highlighting.
 * Seed data: no audit. Runs after the products demo and before any demo orders reserve stock.
 */
export async function seedDemoStock(tx: Executor, options: { orgId: string }): Promise<void> {
  const { orgId } = options;
  // The movements are the warehouse keeper's (吴库管); any user of the org if that login is absent.
  const [keeper] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.orgId, orgId))
    .orderBy(sql`${users.username} <> 'warehouse'`, asc(users.username))
    .limit(1);
  if (!keeper) return;
  const mainId = newId();
  const southId = newId();
  await warehousesRepository.insert(tx, {
    orgId,
    id: mainId,
    code: 'WH-MAIN',
    name: '主仓',
    address: '上海市嘉定区安亭镇墨玉路 88 号',
    isDefault: true,
  });
  await warehousesRepository.insert(tx, {
    orgId,
    id: southId,
    code: 'WH-SOUTH',
    name: '华南仓',
    address: '广州市黄埔区科学大道 18 号',
  });

  const products = [...(await demoProducts(tx, orgId)).values()];
  const movements: (typeof stockMovements.$inferInsert)[] = [];
  const record = async (
    kind: 'receipt' | 'transfer' | 'adjustment',
    warehouseId: string,
    productId: string,
    quantity: number,
    daysAgo: number,
    extra: { toWarehouseId?: string; reason?: string } = {},
  ) => {
    const key = { orgId, warehouseId, productId };
    if (kind === 'transfer') {
      await stockLevelsRepository.takeAvailable(tx, key, quantity);
      await stockLevelsRepository.addOnHand(tx, { ...key, warehouseId: extra.toWarehouseId! }, quantity);
    } else if (quantity > 0) {
      await stockLevelsRepository.addOnHand(tx, key, quantity);
    } else {
      await stockLevelsRepository.takeAvailable(tx, key, -quantity);
    }
    movements.push({
      orgId,
      id: newId(),
      kind,
      status: 'done',
      warehouseId,
      toWarehouseId: extra.toWarehouseId ?? null,
      productId,
      quantity,
      reason: extra.reason ?? null,
      createdBy: keeper.id,
      createdAt: new Date(Date.now() - daysAgo * DAY_MS),
    });
  };

  for (const [i, productId] of products.entries()) {
    // Every third product is scarce, so the "low stock" view has something to show.
    const scarce = i % 3 === 2;
    await record('receipt', mainId, productId, scarce ? 6 : 40 + ((i * 37) % 160), 30 - i, { reason: '采购入库' });
    if (i % 2 === 0 && !scarce) {
      await record('transfer', mainId, productId, 10, 20 - i, { toWarehouseId: southId, reason: '华南仓补货' });
    }
  }
  if (products[0]) await record('adjustment', mainId, products[0], -2, 3, { reason: '盘点差异：包装破损' });
  await stockLevelsRepository.insertMovements(tx, movements);
}
