import type {
  CreateProductCategoryBody,
  ProductCategory,
  ProductCategoryList,
  UpdateProductCategoryBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { auditTrail, recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { categoriesRepository } from './categories.repository.js';
import { auditedCategory, requiredText, toCategory, unknownCategory } from './products.values.js';

const categoryCycle = () =>
  new AppError('validation', 'error.product.categoryCycle', {
    fields: [{ field: 'parentId', key: 'validation.invalid' }],
  });

const audit = auditTrail('product_category', auditedCategory);

/** Product categories (产品分类): a tree; deleting one that is still used is refused. */
export function createCategoriesService({ db }: { db: Db }) {
  const readBack = async (actor: Actor, id: string): Promise<ProductCategory> => {
    const row = await categoriesRepository.getById(db, actor.orgId, id);
    if (!row) throw notFound('entity.productCategory');
    return toCategory(row);
  };

  return {
    async list(actor: Actor): Promise<ProductCategoryList> {
      return { items: (await categoriesRepository.list(db, actor.orgId)).map(toCategory) };
    },

    async create(actor: Actor, body: CreateProductCategoryBody): Promise<ProductCategory> {
      const id = newId();
      const values = {
        orgId: actor.orgId,
        id,
        name: requiredText('name', body.name),
        parentId: body.parentId ?? null,
        sortOrder: body.sortOrder ?? 0,
        repurchaseDays: body.repurchaseDays ?? null,
      };
      await db.transaction(async (tx) => {
        if (values.parentId && !(await categoriesRepository.shareLock(tx, actor.orgId, values.parentId)))
          throw unknownCategory('parentId');
        await categoriesRepository.insert(tx, values);
        await recordAudit(tx, actor, { action: 'create', entity: 'product_category', entityId: id, after: values });
      });
      return readBack(actor, id);
    },

    async update(actor: Actor, id: string, body: UpdateProductCategoryBody): Promise<ProductCategory> {
      const { version, ...changes } = body;
      const values = {
        ...changes,
        ...(changes.name === undefined ? {} : { name: requiredText('name', changes.name) }),
      };
      await db.transaction(async (tx) => {
        const before = await categoriesRepository.lockById(tx, actor.orgId, id);
        if (!before) throw notFound('entity.productCategory');
        if (before.version !== version) throw staleVersion();
        if (values.parentId) {
          if (!(await categoriesRepository.shareLock(tx, actor.orgId, values.parentId)))
            throw unknownCategory('parentId');
          // The new parent's ancestry must not pass through this category (no cycles).
          if ((await categoriesRepository.ancestorsOf(tx, actor.orgId, values.parentId)).includes(id))
            throw categoryCycle();
        }
        if (!(await categoriesRepository.update(tx, { orgId: actor.orgId, id, version }, values))) throw staleVersion();
        const after = (await categoriesRepository.getById(tx, actor.orgId, id))!;
        await audit.updated(tx, { actor, entityId: id, before, after });
      });
      return readBack(actor, id);
    },

    /** Soft delete, refused (409) while live products or sub-categories still use the category. */
    async delete(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const before = await categoriesRepository.lockById(tx, actor.orgId, id);
        if (!before) throw notFound('entity.productCategory');
        if (
          (await categoriesRepository.hasChildren(tx, actor.orgId, id)) ||
          (await categoriesRepository.hasProducts(tx, actor.orgId, id))
        )
          throw new AppError('conflict', 'error.product.categoryInUse');
        await categoriesRepository.update(
          tx,
          { orgId: actor.orgId, id, version: before.version },
          { deletedAt: new Date() },
        );
        await audit.deleted(tx, { actor, entityId: id, before });
      });
    },
  };
}
