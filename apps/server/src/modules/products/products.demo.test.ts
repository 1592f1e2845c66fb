import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCT_CODES, demoProducts, productCatalog, seedDemoProducts } from './index.js';
import { useTestContext } from '../../test/file-context.js';

const ctx = useTestContext();

describe('demo catalog', () => {
  it('seeds twelve orderable products in three categories that other demos find by code', async () => {
    const { orgId } = await ctx.createOrg();
    const db = ctx.database.db;
    await db.transaction((tx) => seedDemoProducts(tx, { orgId }));
    const byCode = await demoProducts(db, orgId);
    expect(byCode.size).toBe(12);
    expect([...byCode.keys()].sort()).toEqual([...DEMO_PRODUCT_CODES].sort());
    const catalog = await productCatalog.findByIds(db, orgId, [...byCode.values()]);
    const sensor = catalog.get(byCode.get('P-1001')!)!;
    expect(sensor).toMatchObject({ name: '压力传感器 PT-100', unit: '台', active: true, currency: 'CNY' });
    for (const product of catalog.values()) expect(product.costPriceFen).toBeLessThan(product.listPriceFen);
  });
});
