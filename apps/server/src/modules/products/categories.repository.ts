import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { productCategories, products } from '../../platform/db/schema/index.js';
import { queryRows } from '../../platform/db/query.js';
import { versionedWrites } from '../../platform/db/versioned-rows.js';
import { firstRow } from '../../platform/db/row-reads.js';

export interface CategoryRow {
  id: string;
  name: string;
  parentId: string | null;
  sortOrder: number;
  repurchaseDays: number | null;
  productCount: number;
  updatedAt: Date;
  version: number;
}

const row = {
  id: productCategories.id,
  name: productCategories.name,
  parentId: productCategories.parentId,
  sortOrder: productCategories.sortOrder,
  repurchaseDays: productCategories.repurchaseDays,
  // Spelled out: drizzle drops the table name of a column in a one-table select, and a bare "id"
  // inside this subquery would mean the product's id.
  productCount: sql<number>`(select count(*)::int from products p
    where p.org_id = product_categories.org_id and p.category_id = product_categories.id and p.deleted_at is null)`,
  updatedAt: productCategories.updatedAt,
  version: productCategories.version,
};

const live = (orgId: string) => and(eq(productCategories.orgId, orgId), isNull(productCategories.deletedAt));

/** All SQL on product categories; deleted categories are kept (soft delete) for old references. */
export const categoriesRepository = {
  async list(db: Executor, orgId: string): Promise<CategoryRow[]> {
    return db
      .select(row)
      .from(productCategories)
      .where(live(orgId))
      .orderBy(asc(productCategories.sortOrder), asc(productCategories.name), asc(productCategories.id));
  },

  async getById(db: Executor, orgId: string, id: string): Promise<CategoryRow | null> {
    return firstRow(
      db
        .select(row)
        .from(productCategories)
        .where(and(live(orgId), eq(productCategories.id, id))),
    );
  },

  async lockById(db: Executor, orgId: string, id: string): Promise<CategoryRow | null> {
    return firstRow(
      db
        .select(row)
        .from(productCategories)
        .where(and(live(orgId), eq(productCategories.id, id)))
        .for('update', { of: productCategories }),
    );
  },

  /**
   * Holds a live category against a concurrent delete (which updates the row) until the caller's
   * transaction ends, so a product or child filed under it cannot slip past the in-use check.
   */
  async shareLock(db: Executor, orgId: string, id: string): Promise<boolean> {
    const rows = await db
      .select({ id: productCategories.id })
      .from(productCategories)
      .where(and(live(orgId), eq(productCategories.id, id)))
      .for('share');
    return rows.length > 0;
  },

  /** The ids from `id` up to the root, following parent links of live categories. */
  async ancestorsOf(db: Executor, orgId: string, id: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`with recursive up(id, parent_id, depth) as (
            select id, parent_id, 0 from product_categories where org_id = ${orgId} and id = ${id}
            union all
            select c.id, c.parent_id, up.depth + 1 from product_categories c join up on c.id = up.parent_id
            where c.org_id = ${orgId} and up.depth < 100
          ) select id from up`,
    );
    return rows.map((r) => r.id);
  },

  async hasChildren(db: Executor, orgId: string, id: string): Promise<boolean> {
    const rows = await db
      .select({ id: productCategories.id })
      .from(productCategories)
      .where(and(live(orgId), eq(productCategories.parentId, id)))
      .limit(1);
    return rows.length > 0;
  },

  async hasProducts(db: Executor, orgId: string, id: string): Promise<boolean> {
    const rows = await db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.orgId, orgId), eq(products.categoryId, id), isNull(products.deletedAt)))
      .limit(1);
    return rows.length > 0;
  },

  ...versionedWrites(productCategories),
};
