import { and, asc, desc, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { ProductSort } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { productCategories, products } from '../../platform/db/schema/index.js';
import type { Cursor } from '../../platform/pagination.js';
import { versionedWrites } from '../../platform/db/versioned-rows.js';
import { splitSortValues } from '../../platform/db/keyset.js';
import { firstRow } from '../../platform/db/row-reads.js';

export interface ProductRow {
  id: string;
  code: string;
  name: string;
  categoryId: string | null;
  categoryName: string | null;
  unit: string;
  specification: string | null;
  listPriceFen: number;
  costPriceFen: number;
  currency: string;
  active: boolean;
  description: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

const row = {
  id: products.id,
  code: products.code,
  name: products.name,
  categoryId: products.categoryId,
  categoryName: productCategories.name,
  unit: products.unit,
  specification: products.specification,
  listPriceFen: products.listPriceFen,
  costPriceFen: products.costPriceFen,
  currency: products.currency,
  active: products.active,
  description: products.description,
  createdAt: products.createdAt,
  updatedAt: products.updatedAt,
  version: products.version,
};

const categoryJoin = and(eq(productCategories.orgId, products.orgId), eq(productCategories.id, products.categoryId));

export interface ProductFilters {
  q?: string | undefined;
  categoryId?: string | undefined;
  active?: boolean | undefined;
}

/** The sort column, its direction and its text form for the cursor. */
const SORTS: Record<ProductSort, { column: SQL; descending: boolean; cursorValue: (value: unknown) => SQL }> = {
  code: { column: sql`${products.code}`, descending: false, cursorValue: (value) => sql`${value}::text` },
  name: { column: sql`${products.name}`, descending: false, cursorValue: (value) => sql`${value}::text` },
  '-createdAt': {
    column: sql`${products.createdAt}`,
    descending: true,
    cursorValue: (value) => sql`${value}::timestamptz`,
  },
};

function filterConditions(orgId: string, filters: ProductFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.q)
    conditions.push(
      sql`(position(lower(${filters.q}) in lower(${products.code})) > 0 or position(lower(${filters.q}) in lower(${products.name})) > 0)`,
    );
  if (filters.active !== undefined) conditions.push(eq(products.active, filters.active));
  // A category filter includes its sub-categories: the tree is how users browse the catalog.
  if (filters.categoryId)
    conditions.push(sql`${products.categoryId} in (
      with recursive tree(id) as (
        select ${filters.categoryId}::uuid
        union
        select c.id from product_categories c join tree on c.parent_id = tree.id
        where c.org_id = ${orgId} and c.deleted_at is null
      ) select id from tree)`);
  return conditions;
}

/** All SQL on products; every statement is limited to the caller's organization. */
export const productsRepository = {
  async findPage(
    db: Executor,
    orgId: string,
    options: { filters: ProductFilters; sort: ProductSort; cursor: Cursor | null; limit: number },
  ): Promise<{ rows: ProductRow[]; sortValues: string[] }> {
    const sort = SORTS[options.sort];
    const conditions = [
      eq(products.orgId, orgId),
      isNull(products.deletedAt),
      ...filterConditions(orgId, options.filters),
    ];
    if (options.cursor) {
      const after = sql`(${sort.cursorValue(options.cursor.value)}, ${options.cursor.id}::uuid)`;
      conditions.push(
        sort.descending
          ? sql`(${sort.column}, ${products.id}) < ${after}`
          : sql`(${sort.column}, ${products.id}) > ${after}`,
      );
    }
    const order = sort.descending ? [desc(sort.column), desc(products.id)] : [asc(sort.column), asc(products.id)];
    const rows = await db
      .select({ ...row, sortValue: sql<string>`${sort.column}::text` })
      .from(products)
      .leftJoin(productCategories, categoryJoin)
      .where(and(...conditions))
      .orderBy(...order)
      .limit(options.limit);
    return splitSortValues(rows);
  },

  async getById(db: Executor, orgId: string, id: string): Promise<ProductRow | null> {
    return firstRow(
      db
        .select(row)
        .from(products)
        .leftJoin(productCategories, categoryJoin)
        .where(and(eq(products.orgId, orgId), eq(products.id, id), isNull(products.deletedAt))),
    );
  },

  async lockById(db: Executor, orgId: string, id: string): Promise<ProductRow | null> {
    return firstRow(
      db
        .select(row)
        .from(products)
        .leftJoin(productCategories, categoryJoin)
        .where(and(eq(products.orgId, orgId), eq(products.id, id), isNull(products.deletedAt)))
        .for('update', { of: products }),
    );
  },

  /** Whether a live product other than `exceptId` already uses the code. */
  async codeTaken(db: Executor, orgId: string, code: string, exceptId?: string): Promise<boolean> {
    const rows = await db
      .select({ id: products.id })
      .from(products)
      .where(
        and(
          eq(products.orgId, orgId),
          eq(products.code, code),
          isNull(products.deletedAt),
          ...(exceptId ? [ne(products.id, exceptId)] : []),
        ),
      )
      .limit(1);
    return rows.length > 0;
  },

  ...versionedWrites(products),
};
