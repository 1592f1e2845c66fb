import { and, eq } from 'drizzle-orm';
import { newId } from '../../platform/db/ids.js';
import { auditLog, orders, products, stockLevels } from '../../platform/db/schema/index.js';
import type { Personas } from '../../test/personas.js';
import type { TestContext } from '../../test/test-app.js';

let n = 0;

/** A product written straight to the table, so these tests do not depend on the products API. */
export async function insertProduct(ctx: TestContext, orgId: string, values: { name?: string; active?: boolean } = {}) {
  const id = newId();
  n++;
  await ctx.database.db.insert(products).values({
    orgId,
    id,
    code: `SKU-${n}-${id.slice(-6)}`,
    name: values.name ?? `测试产品${n}`,
    unit: '台',
    listPriceFen: 10_000,
    costPriceFen: 6_000,
    active: values.active ?? true,
  });
  return { id, name: values.name ?? `测试产品${n}` };
}

/** A confirmed order of a persona's customer (the orders module is built alongside; only the row is needed). */
export async function insertOrder(ctx: TestContext, p: Personas, owner: 'r1' | 'r2', warehouseId: string) {
  const id = newId();
  n++;
  const orderNo = `SO-T-${n}-${id.slice(-6)}`;
  await ctx.database.db.insert(orders).values({
    orgId: p.orgId,
    id,
    orderNo,
    customerId: p.customers[owner][0]!,
    ownerId: p.users[owner].id,
    status: 'confirmed',
    orderDate: '2026-11-24',
    warehouseId,
    createdBy: p.users[owner].id,
  });
  return { id, orderNo };
}

export async function levelOf(ctx: TestContext, orgId: string, warehouseId: string, productId: string) {
  const rows = await ctx.database.db
    .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(
      and(eq(stockLevels.orgId, orgId), eq(stockLevels.warehouseId, warehouseId), eq(stockLevels.productId, productId)),
    );
  return rows[0] ?? { onHand: 0, reserved: 0 };
}

export async function auditRows(ctx: TestContext, orgId: string, entity: string, entityId: string) {
  return ctx.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)));
}
