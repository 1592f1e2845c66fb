import type {
  CreateSavedViewBody,
  CustomerViewQuery,
  SavedView,
  SavedViewList,
  SavedViewModule,
} from '@guanxi/contract';
import { hasPermission, type Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, invalidField, notFound } from '../../platform/errors/app-error.js';
import { isUniqueViolation } from '../org/index.js';
import { savedViewsRepository, type SavedViewRow } from './saved-views.repository.js';

const toSavedView = (row: SavedViewRow, actor: Actor): SavedView => ({
  id: row.id,
  module: row.module as SavedViewModule,
  name: row.name,
  query: row.query as CustomerViewQuery,
  shared: row.shared,
  isOwn: row.userId === actor.userId,
  ownerName: row.ownerName ?? '',
  createdAt: row.createdAt.toISOString(),
});

const nameTaken = () =>
  new AppError('conflict', 'error.savedViewNameTaken', { fields: [{ field: 'name', key: 'validation.invalid' }] });

/**
 * Saved views of a list screen. A view stores filters only; the list applies the reader's own
 * data scope when it runs, so sharing a view never shares records. Everyone who reads the list
 * keeps views of their own; showing one to the whole organization takes `views.share`, so a
 * read-only role cannot fill everyone's view bar.
 */
export function createSavedViewsService({ db }: { db: Db }) {
  return {
    async list(actor: Actor, module: SavedViewModule): Promise<SavedViewList> {
      const rows = await savedViewsRepository.findVisible(db, { orgId: actor.orgId, userId: actor.userId, module });
      return { items: rows.map((r) => toSavedView(r, actor)) };
    },

    async create(actor: Actor, body: CreateSavedViewBody): Promise<SavedView> {
      const id = newId();
      const name = body.name.trim();
      if (name === '') throw invalidField('name', 'validation.required');
      if (body.shared === true && !hasPermission(actor, 'views.share'))
        throw invalidField('shared', 'validation.shareNotAllowed');
      const values = {
        orgId: actor.orgId,
        id,
        userId: actor.userId,
        module: body.module,
        name,
        query: body.query,
        shared: body.shared ?? false,
      };
      try {
        return await db.transaction(async (tx) => {
          await savedViewsRepository.insert(tx, values);
          await recordAudit(tx, actor, { action: 'create', entity: 'saved_view', entityId: id, after: values });
          return toSavedView(
            (await savedViewsRepository.getOwn(tx, { orgId: actor.orgId, userId: actor.userId, id }))!,
            actor,
          );
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken();
        throw error;
      }
    },

    /** Only one's own views; another user's view answers 404 like an unknown one. */
    async delete(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const key = { orgId: actor.orgId, userId: actor.userId, id };
        const before = await savedViewsRepository.getOwn(tx, key);
        if (!before || !(await savedViewsRepository.deleteOwn(tx, key))) throw notFound('entity.savedView');
        await recordAudit(tx, actor, { action: 'delete', entity: 'saved_view', entityId: id, before });
      });
    },
  };
}
