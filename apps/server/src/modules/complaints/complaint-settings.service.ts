import type {
  ComplaintCategory,
  ComplaintCategoryList,
  CreateComplaintCategoryBody,
  ServiceSettings,
  UpdateComplaintCategoryBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { complaintSettingsRepository as repo } from './complaints.repository.js';
import { loadServiceSettings } from './complaints.sla.js';

type CategoryRow = NonNullable<Awaited<ReturnType<typeof repo.category>>>;
const toCategory = (row: CategoryRow): ComplaintCategory => ({
  id: row.id,
  parentCategoryId: row.parentId,
  nameZh: row.nameZh,
  nameEn: row.nameEn,
  sortOrder: row.sortOrder,
  active: row.active,
  version: row.version,
});

/** The categories every organization starts with (zh-CN / en names). */
export const DEFAULT_COMPLAINT_CATEGORIES = [
  { nameZh: '产品质量', nameEn: 'Product quality' },
  { nameZh: '物流配送', nameEn: 'Delivery' },
  { nameZh: '服务态度', nameEn: 'Service attitude' },
  { nameZh: '价格', nameEn: 'Price' },
  { nameZh: '其他', nameEn: 'Other' },
];

export async function seedComplaintCategories(tx: Executor, orgId: string): Promise<void> {
  await repo.insertCategories(
    tx,
    DEFAULT_COMPLAINT_CATEGORIES.map((category, index) => ({
      orgId,
      id: newId(),
      ...category,
      sortOrder: (index + 1) * 10,
    })),
  );
}

/** A parent must exist and must not be the category itself or below it (the tree stays a tree). */
async function assertParent(tx: Executor, orgId: string, id: string | null, parentId: string | null) {
  if (parentId === null) return;
  const categories = await repo.categories(tx, orgId);
  const byId = new Map(categories.map((c) => [c.id, c]));
  if (!byId.has(parentId)) throw invalidField('parentCategoryId', 'validation.notVisible');
  for (let at: string | null = parentId, guard = 0; at !== null && guard < 1000; guard++) {
    if (at === id) throw invalidField('parentCategoryId', 'validation.invalid');
    at = byId.get(at)?.parentId ?? null;
  }
}

/** Working calendar, SLA targets, assignment rules and categories (complaints.manage to change). */
export function createComplaintSettingsService({ db }: { db: Db }) {
  return {
    async categories(actor: Actor): Promise<ComplaintCategoryList> {
      return { items: (await repo.categories(db, actor.orgId)).map(toCategory) };
    },

    createCategory: (actor: Actor, body: CreateComplaintCategoryBody): Promise<ComplaintCategory> =>
      db.transaction(async (tx) => {
        const parentId = body.parentCategoryId ?? null;
        await assertParent(tx, actor.orgId, null, parentId);
        const values = {
          orgId: actor.orgId,
          id: newId(),
          parentId,
          nameZh: body.nameZh.trim(),
          nameEn: body.nameEn.trim(),
          sortOrder: body.sortOrder ?? 100,
        };
        if (values.nameZh === '') throw invalidField('nameZh', 'validation.required');
        if (values.nameEn === '') throw invalidField('nameEn', 'validation.required');
        await repo.insert(tx, values);
        await recordAudit(tx, actor, {
          action: 'create',
          entity: 'complaint_category',
          entityId: values.id,
          after: values,
        });
        return toCategory((await repo.category(tx, actor.orgId, values.id))!);
      }),

    updateCategory: (actor: Actor, id: string, body: UpdateComplaintCategoryBody): Promise<ComplaintCategory> =>
      db.transaction(async (tx) => {
        const before = await repo.category(tx, actor.orgId, id);
        if (!before) throw notFound('entity.complaintCategory');
        if (before.version !== body.version) throw staleVersion();
        const changes: Partial<CategoryRow> = {};
        if (body.parentCategoryId !== undefined) {
          await assertParent(tx, actor.orgId, id, body.parentCategoryId);
          changes.parentId = body.parentCategoryId;
        }
        if (body.nameZh !== undefined) changes.nameZh = body.nameZh.trim();
        if (body.nameEn !== undefined) changes.nameEn = body.nameEn.trim();
        if (changes.nameZh === '') throw invalidField('nameZh', 'validation.required');
        if (changes.nameEn === '') throw invalidField('nameEn', 'validation.required');
        if (body.sortOrder !== undefined) changes.sortOrder = body.sortOrder;
        if (body.active !== undefined) changes.active = body.active;
        if (!(await repo.update(tx, { orgId: actor.orgId, id, version: body.version }, changes))) throw staleVersion();
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'complaint_category',
          entityId: id,
          before,
          after: changes,
        });
        return toCategory((await repo.category(tx, actor.orgId, id))!);
      }),

    settings: (actor: Actor): Promise<ServiceSettings> => loadServiceSettings(db, actor.orgId),

    updateSettings: (actor: Actor, body: ServiceSettings): Promise<ServiceSettings> =>
      db.transaction(async (tx) => {
        const { calendar } = body;
        if (calendar.workEnd <= calendar.workStart) throw invalidField('calendar.workEnd', 'complaints.endBeforeStart');
        if (calendar.workdays.length === 0 && calendar.makeupWorkdays.length === 0)
          throw invalidField('calendar.workdays', 'validation.minItems', { limit: 1 });
        const categories = new Set((await repo.categories(tx, actor.orgId)).map((c) => c.id));
        for (const [index, rule] of body.assignmentRules.entries()) {
          if (rule.assignTo === 'user' && !rule.userId)
            throw invalidField(`assignmentRules.${index}.userId`, 'validation.required');
          if (rule.categoryId && !categories.has(rule.categoryId))
            throw invalidField(`assignmentRules.${index}.categoryId`, 'validation.notVisible');
        }
        const before = await loadServiceSettings(tx, actor.orgId);
        await repo.saveSettings(tx, { orgId: actor.orgId, ...body });
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'service_settings',
          entityId: actor.orgId,
          before,
          after: body,
        });
        return loadServiceSettings(tx, actor.orgId);
      }),
  };
}
