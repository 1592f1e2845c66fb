import { describe, expect, it } from 'vitest';
import { actorOfClient } from '../../test/actors.js';
import { demoProducts, seedDemoProducts } from '../products/index.js';
import { createStockService } from './stock.service.js';
import { createWarehousesService } from './warehouses.service.js';
import { orderStock } from './index.js';
import { seedDemoStock } from './stock.demo.js';
import { useTestContext } from '../../test/file-context.js';

const ctx = useTestContext();

describe('demo stock', () => {
  it('seeds 主仓 as the default and 华南仓, stock for every demo product, some of it low', async () => {
    const { orgId, roleIds } = await ctx.createOrg();
    const keeper = await ctx.createUser({ orgId, roleIds: [roleIds.warehouse!] });
    const db = ctx.database.db;
    await db.transaction(async (tx) => {
      await seedDemoProducts(tx, { orgId });
      await seedDemoStock(tx, { orgId });
    });
    const actor = await actorOfClient(ctx, await ctx.login(keeper));
    const warehouses = (await createWarehousesService({ db }).list(actor)).items;
    expect(warehouses.map((w) => [w.name, w.isDefault])).toEqual([
      ['主仓', true],
      ['华南仓', false],
    ]);
    expect(await orderStock.defaultWarehouseId(db, orgId)).toBe(warehouses[0]!.id);
    const stock = createStockService({ db });
    const summary = (await stock.summary(actor, {})).items;
    expect(summary).toHaveLength((await demoProducts(db, orgId)).size);
    expect(summary.every((s) => s.available > 0)).toBe(true);
    expect((await stock.levels(actor, { lowOnly: true })).items.length).toBeGreaterThan(0);
    const transfers = await stock.movements(actor, { kind: 'transfer' });
    expect(transfers.items[0]).toMatchObject({
      warehouseName: '主仓',
      toWarehouseName: '华南仓',
      createdBy: keeper.id,
    });
  });
});
