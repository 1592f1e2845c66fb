import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { DEFAULT_CURRENCY, type CreateProductBody } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { auditTrail } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { notFound, staleVersion } from '../../platform/errors/app-error.js';
import { productCategories, products } from '../../platform/db/schema/index.js';
import { categoriesRepository } from './categories.repository.js';
import { productsRepository } from './products.repository.js';
import { auditedProduct, codeTaken, optionalText, requiredText, unknownCategory } from './products.values.js';

/** A product as an import matches it (by external id or code), with what an update compares. */
export interface ImportableProduct {
  id: string;
  code: string;
  name: string;
  categoryId: string | null;
  unit: string;
  specification: string | null;
  listPriceFen: number;
  costPriceFen: number;
  currency: string;
  active: boolean;
  description: string | null;
  externalId: string | null;
  deleted: boolean;
  version: number;
}

const matchColumns = {
  id: products.id,
  code: products.code,
  name: products.name,
  categoryId: products.categoryId,
  unit: products.unit,
  specification: products.specification,
  listPriceFen: products.listPriceFen,
  costPriceFen: products.costPriceFen,
  currency: products.currency,
  active: products.active,
  description: products.description,
  externalId: products.externalId,
  deleted: sql<boolean>`${products.deletedAt} is not null`,
  version: products.version,
};

const audit = auditTrail('product', auditedProduct);

/**
 * Products written by an import, by the rules of the products service (trimmed required texts, a
 * known category, a free code → 409 naming `code`), in the caller's transaction. Creations are
 * counted in the import's own audit entry; an update is audited per product, as by hand.
 */
export const productImport = {
  /** Live products by code (codes are unique among live products). */
  async findByCodes(db: Executor, orgId: string, codes: readonly string[]): Promise<Map<string, ImportableProduct>> {
    const unique = [...new Set(codes)];
    const found = new Map<string, ImportableProduct>();
    if (unique.length === 0) return found;
    const rows = await db
      .select(matchColumns)
      .from(products)
      .where(and(eq(products.orgId, orgId), inArray(products.code, unique), isNull(products.deletedAt)));
    for (const row of rows) found.set(row.code, row);
    return found;
  },

  /** Products by external id, soft-deleted ones included (an external id names one record for good). */
  async findByExternalIds(
    db: Executor,
    orgId: string,
    externalIds: readonly string[],
  ): Promise<Map<string, ImportableProduct>> {
    const unique = [...new Set(externalIds)];
    const found = new Map<string, ImportableProduct>();
    if (unique.length === 0) return found;
    const rows = await db
      .select(matchColumns)
      .from(products)
      .where(and(eq(products.orgId, orgId), inArray(products.externalId, unique)));
    for (const row of rows) found.set(row.externalId!, row);
    return found;
  },

  /**
   * Live categories by name, case-insensitively; a name without one gets a new top-level category,
   * so a file's product lines become the catalog's categories (`create: false` in a dry run leaves
   * them out). Returns name → id and how many were made.
   */
  async categoriesByName(
    tx: Executor,
    orgId: string,
    names: readonly string[],
    options: { create: boolean },
  ): Promise<{ ids: Map<string, string>; created: number }> {
    const wanted = [...new Set(names.map((n) => n.trim()).filter((n) => n !== ''))];
    const ids = new Map<string, string>();
    if (wanted.length === 0) return { ids, created: 0 };
    const rows = await tx
      .select({ id: productCategories.id, name: productCategories.name })
      .from(productCategories)
      .where(
        and(
          eq(productCategories.orgId, orgId),
          isNull(productCategories.deletedAt),
          inArray(
            sql`lower(${productCategories.name})`,
            wanted.map((n) => n.toLowerCase()),
          ),
        ),
      );
    const byLower = new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
    let created = 0;
    for (const name of wanted) {
      let id = byLower.get(name.toLowerCase());
      if (id === undefined && !options.create) continue;
      if (id === undefined) {
        id = newId();
        await categoriesRepository.insert(tx, {
          orgId,
          id,
          name: requiredText('category', name),
          parentId: null,
          sortOrder: 0,
        });
        byLower.set(name.toLowerCase(), id);
        created++;
      }
      ids.set(name, id);
    }
    return { ids, created };
  },

  /** Checks what `create` checks, without writing (the dry run); throws the same errors. */
  async assertCreatable(tx: Executor, actor: Actor, body: CreateProductBody): Promise<void> {
    requiredText('name', body.name);
    requiredText('unit', body.unit);
    const code = requiredText('code', body.code);
    if (body.categoryId && !(await categoriesRepository.shareLock(tx, actor.orgId, body.categoryId)))
      throw unknownCategory('categoryId');
    if (await productsRepository.codeTaken(tx, actor.orgId, code)) throw codeTaken();
  },

  async create(
    tx: Executor,
    actor: Actor,
    body: CreateProductBody & { externalId?: string | null },
  ): Promise<ImportableProduct> {
    const values = {
      orgId: actor.orgId,
      id: newId(),
      code: requiredText('code', body.code),
      name: requiredText('name', body.name),
      categoryId: body.categoryId ?? null,
      unit: requiredText('unit', body.unit),
      specification: optionalText(body.specification) ?? null,
      listPriceFen: body.listPriceFen,
      costPriceFen: body.costPriceFen,
      currency: body.currency ?? DEFAULT_CURRENCY,
      active: body.active ?? true,
      description: optionalText(body.description) ?? null,
      externalId: body.externalId ?? null,
    };
    if (values.categoryId && !(await categoriesRepository.shareLock(tx, actor.orgId, values.categoryId)))
      throw unknownCategory('categoryId');
    if (await productsRepository.codeTaken(tx, actor.orgId, values.code)) throw codeTaken();
    await productsRepository.insert(tx, values);
    const { orgId: _, ...created } = values;
    return { ...created, deleted: false, version: 1 };
  },

  /** Applies the file's values to an existing product (the code stays); audited like an edit. */
  async update(
    tx: Executor,
    actor: Actor,
    id: string,
    body: Partial<Omit<CreateProductBody, 'code'>> & { externalId?: string },
  ): Promise<void> {
    const before = await productsRepository.lockById(tx, actor.orgId, id);
    if (!before) throw notFound('entity.product');
    const changes = {
      ...body,
      ...(body.name === undefined ? {} : { name: requiredText('name', body.name) }),
      ...(body.unit === undefined ? {} : { unit: requiredText('unit', body.unit) }),
      ...(body.specification === undefined ? {} : { specification: optionalText(body.specification) }),
      ...(body.description === undefined ? {} : { description: optionalText(body.description) }),
    };
    if (changes.categoryId && !(await categoriesRepository.shareLock(tx, actor.orgId, changes.categoryId)))
      throw unknownCategory('categoryId');
    if (!(await productsRepository.update(tx, { orgId: actor.orgId, id, version: before.version }, changes)))
      throw staleVersion();
    const after = (await productsRepository.getById(tx, actor.orgId, id))!;
    await audit.updated(tx, { actor, entityId: id, before, after });
  },
};
