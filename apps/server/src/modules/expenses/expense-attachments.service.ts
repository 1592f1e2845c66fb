import { ATTACHMENT_MAX_BYTES, type Attachment } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { notFound } from '../../platform/errors/app-error.js';
import type { AttachmentStore } from '../../platform/attachments/attachment-store.js';
import { checkUpload, cleanFileName, type UploadedFile } from '../../platform/attachments/upload-checks.js';
import { expensesRepository } from './expenses.repository.js';
import { assertEditable, lockOwnExpense } from './expenses.values.js';

/**
 * Receipts (发票/单据) of an expense, in the shared attachments table (entity 'expense') and the
 * follow-ups' file store and checks. Whoever sees the expense downloads them; only its employee
 * adds or removes them, and only while the expense is a draft or rejected (what was approved stays).
 */
export function createExpenseAttachmentsService({ db, store }: { db: Db; store: AttachmentStore }) {
  const findFile = async (executor: Executor, actor: Actor, expenseId: string, attachmentId: string) =>
    (await expensesRepository.attachmentsOf(executor, actor.orgId, expenseId)).find((f) => f.id === attachmentId) ??
    null;

  return {
    async upload(actor: Actor, expenseId: string, file: UploadedFile): Promise<Attachment> {
      const { contentType } = await checkUpload(file, ATTACHMENT_MAX_BYTES);
      const fileName = cleanFileName(file.fileName);
      const id = newId();
      const storageKey = store.keyOf(actor.orgId, id);
      const createdAt = new Date();
      // The file goes first: a failed transaction leaves an unreferenced file, never a row without one.
      await db.transaction(async (tx) => {
        assertEditable(await lockOwnExpense(tx, actor, expenseId));
        await store.moveIn(storageKey, file.path);
        const values = {
          orgId: actor.orgId,
          id,
          entity: 'expense',
          entityId: expenseId,
          fileName,
          contentType,
          sizeBytes: file.sizeBytes,
          storageKey,
          createdBy: actor.userId,
          createdAt,
        };
        await expensesRepository.insertAttachment(tx, values);
        await recordAudit(tx, actor, { action: 'create', entity: 'attachment', entityId: id, after: values });
      });
      return { id, fileName, contentType, sizeBytes: file.sizeBytes, createdAt: createdAt.toISOString() };
    },

    async download(actor: Actor, expenseId: string, attachmentId: string) {
      if (!(await expensesRepository.getById(db, actor, expenseId))) throw notFound('entity.expense');
      const file = await findFile(db, actor, expenseId, attachmentId);
      if (!file) throw notFound('entity.attachment');
      return { fileName: file.fileName, contentType: file.contentType, bytes: await store.read(file.storageKey) };
    },

    /** Soft delete; the bytes stay on disk for the audit trail. */
    async delete(actor: Actor, expenseId: string, attachmentId: string): Promise<void> {
      await db.transaction(async (tx) => {
        assertEditable(await lockOwnExpense(tx, actor, expenseId));
        const file = await findFile(tx, actor, expenseId, attachmentId);
        if (!file) throw notFound('entity.attachment');
        await expensesRepository.softDeleteAttachment(tx, actor.orgId, attachmentId);
        await recordAudit(tx, actor, {
          action: 'delete',
          entity: 'attachment',
          entityId: attachmentId,
          before: { entity: 'expense', entityId: expenseId, fileName: file.fileName, deletedAt: null },
        });
      });
    },
  };
}
