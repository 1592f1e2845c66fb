import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { products } from '../../platform/db/schema/index.js';

/** What an order line needs to know about a product. */
export interface OrderableProduct {
  id: string;
  code: string;
  name: string;
  unit: string;
  listPriceFen: number;
  costPriceFen: number;
  currency: string;
  active: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const productCatalog = {
  /**
   * Live (not soft-deleted) products by id in the org, inactive ones included so old orders still
   * resolve; missing ids are simply absent from the map.
   */
  async findByIds(db: Executor, orgId: string, ids: string[]): Promise<Map<string, OrderableProduct>> {
    const result = new Map<string, OrderableProduct>();
    // A malformed id cannot name a product; filtering it keeps the uuid cast from failing the query.
    const unique = [...new Set(ids)].filter((id) => UUID.test(id));
    if (unique.length === 0) return result;
    const rows = await db
      .select({
        id: products.id,
        code: products.code,
        name: products.name,
        unit: products.unit,
        listPriceFen: products.listPriceFen,
        costPriceFen: products.costPriceFen,
        currency: products.currency,
        active: products.active,
      })
      .from(products)
      .where(and(eq(products.orgId, orgId), inArray(products.id, unique), isNull(products.deletedAt)));
    for (const row of rows) result.set(row.id, row);
    return result;
  },
};
