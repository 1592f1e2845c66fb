import { and, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { newId } from '../platform/db/ids.js';
import { auditLog, priceAuthorities, products, stockLevels, warehouses } from '../platform/db/schema/index.js';
import type { Client } from './test-app.js';

/**
 * Test fixtures written straight to the tables other modules own (products, stock, price
 * authority), so the order tests do not depend on those modules' screens.
 */
export const orderFixtures = {
  async product(
    db: Db,
    orgId: string,
    values: { listPriceFen: number; costPriceFen: number; active?: boolean; name?: string },
  ) {
    const id = newId();
    await db.insert(products).values({
      orgId,
      id,
      code: `P-${id.slice(-8)}`,
      name: values.name ?? `产品${id.slice(-4)}`,
      unit: '件',
      listPriceFen: values.listPriceFen,
      costPriceFen: values.costPriceFen,
      active: values.active ?? true,
    });
    return id;
  },

  async warehouse(db: Db, orgId: string, isDefault = true) {
    const id = newId();
    await db
      .insert(warehouses)
      .values({ orgId, id, code: `W-${id.slice(-6)}`, name: `仓库${id.slice(-4)}`, isDefault });
    return id;
  },

  async stock(db: Db, key: { orgId: string; warehouseId: string; productId: string }, onHand: number) {
    await db
      .insert(stockLevels)
      .values({ ...key, onHand })
      .onConflictDoUpdate({
        target: [stockLevels.orgId, stockLevels.warehouseId, stockLevels.productId],
        set: { onHand },
      });
  },

  async stockLevel(db: Db, key: { orgId: string; warehouseId: string; productId: string }) {
    const rows = await db
      .select()
      .from(stockLevels)
      .where(
        and(
          eq(stockLevels.orgId, key.orgId),
          eq(stockLevels.warehouseId, key.warehouseId),
          eq(stockLevels.productId, key.productId),
        ),
      );
    return rows[0] ?? null;
  },

  /** The only floor of a role: `percentBp` of the list price at every stage (replaces seeded rules). */
  async floor(db: Db, key: { orgId: string; roleId: string }, percentBp: number) {
    await db
      .delete(priceAuthorities)
      .where(and(eq(priceAuthorities.orgId, key.orgId), eq(priceAuthorities.roleId, key.roleId)));
    await db.insert(priceAuthorities).values({
      orgId: key.orgId,
      id: newId(),
      roleId: key.roleId,
      stage: null,
      basis: 'list',
      percentBp,
    });
  },

  async audits(db: Db, orgId: string, entityId: string) {
    return db
      .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), eq(auditLog.entityId, entityId)))
      .orderBy(auditLog.at, auditLog.id);
  },
};

/** Creates a draft order through the API and checks it was created. */
export async function createOrder(client: Client, body: Record<string, unknown>) {
  const response = await client.post('/api/v1/orders', body);
  if (response.statusCode !== 201) throw new Error(`create order failed: ${response.statusCode} ${response.body}`);
  return response.json();
}
