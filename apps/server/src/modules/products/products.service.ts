import {
  DEFAULT_CURRENCY,
  type CreateProductBody,
  type Product,
  type ProductListQuery,
  type ProductPage,
  type UpdateProductBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { auditTrail, recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { notFound, staleVersion } from '../../platform/errors/app-error.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { isUniqueViolation } from '../org/index.js';
import { categoriesRepository } from './categories.repository.js';
import { productsRepository } from './products.repository.js';
import {
  auditedProduct,
  codeTaken,
  optionalText,
  requiredText,
  toProduct,
  unknownCategory,
} from './products.values.js';

async function assertCategory(tx: Executor, orgId: string, categoryId: string | null | undefined): Promise<void> {
  if (categoryId && !(await categoriesRepository.shareLock(tx, orgId, categoryId))) throw unknownCategory('categoryId');
}

const audit = auditTrail('product', auditedProduct);

/** A unique-index race that slipped past the service's own check still answers 409. */
async function mapCodeRace<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken();
    throw error;
  }
}

/** Products (产品): the catalog orders are priced from. Products are org-wide, not owned records. */
export function createProductsService({ db }: { db: Db }) {
  const readBack = async (actor: Actor, id: string): Promise<Product> => {
    const row = await productsRepository.getById(db, actor.orgId, id);
    if (!row) throw notFound('entity.product');
    return toProduct(row);
  };

  return {
    async list(actor: Actor, query: ProductListQuery): Promise<ProductPage> {
      const limit = query.limit ?? 50;
      const sort = query.sort ?? 'code';
      const cursor = decodeCursor(query.cursor, sort === '-createdAt' ? 'timestamp' : 'text');
      const filters = { q: query.q, categoryId: query.categoryId, active: query.active };
      const page = await productsRepository.findPage(db, actor.orgId, { filters, sort, cursor, limit: limit + 1 });
      const { rows, nextCursor } = keysetPage(page.rows, { limit, sortValueOf: (_, i) => page.sortValues[i] ?? null });
      return { items: rows.map(toProduct), nextCursor };
    },

    get: readBack,

    async create(actor: Actor, body: CreateProductBody): Promise<Product> {
      const id = newId();
      const values = {
        orgId: actor.orgId,
        id,
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
      };
      await mapCodeRace(() =>
        db.transaction(async (tx) => {
          await assertCategory(tx, actor.orgId, values.categoryId);
          if (await productsRepository.codeTaken(tx, actor.orgId, values.code)) throw codeTaken();
          await productsRepository.insert(tx, values);
          await recordAudit(tx, actor, { action: 'create', entity: 'product', entityId: id, after: values });
        }),
      );
      return readBack(actor, id);
    },

    async update(actor: Actor, id: string, body: UpdateProductBody): Promise<Product> {
      const { version, ...changes } = body;
      const values = {
        ...changes,
        ...(changes.code === undefined ? {} : { code: requiredText('code', changes.code) }),
        ...(changes.name === undefined ? {} : { name: requiredText('name', changes.name) }),
        ...(changes.unit === undefined ? {} : { unit: requiredText('unit', changes.unit) }),
        ...(changes.specification === undefined ? {} : { specification: optionalText(changes.specification) }),
        ...(changes.description === undefined ? {} : { description: optionalText(changes.description) }),
      };
      await mapCodeRace(() =>
        db.transaction(async (tx) => {
          const before = await productsRepository.lockById(tx, actor.orgId, id);
          if (!before) throw notFound('entity.product');
          if (before.version !== version) throw staleVersion();
          if (values.categoryId !== undefined) await assertCategory(tx, actor.orgId, values.categoryId);
          if (values.code !== undefined && (await productsRepository.codeTaken(tx, actor.orgId, values.code, id)))
            throw codeTaken();
          if (!(await productsRepository.update(tx, { orgId: actor.orgId, id, version }, values))) throw staleVersion();
          const after = (await productsRepository.getById(tx, actor.orgId, id))!;
          await audit.updated(tx, { actor, entityId: id, before, after });
        }),
      );
      return readBack(actor, id);
    },

    /** Soft delete: orders keep their lines; the code is free for a new product afterwards. */
    async delete(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const before = await productsRepository.lockById(tx, actor.orgId, id);
        if (!before) throw notFound('entity.product');
        await productsRepository.update(
          tx,
          { orgId: actor.orgId, id, version: before.version },
          { deletedAt: new Date() },
        );
        await audit.deleted(tx, { actor, entityId: id, before });
      });
    },
  };
}
