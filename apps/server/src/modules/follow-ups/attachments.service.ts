import { ATTACHMENT_MAX_BYTES, type Attachment } from '@guanxi/contract';
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { attachments, followUps } from '../../platform/db/schema/index.js';
import { notFound } from '../../platform/errors/app-error.js';
import type { AttachmentStore } from '../../platform/attachments/attachment-store.js';
import { checkUpload, cleanFileName, type UploadedFile } from '../../platform/attachments/upload-checks.js';
import { lockParent, parentOf } from './follow-up-parents.js';
import { followUpsRepository, visibleFollowUp, type FollowUpActor } from './follow-ups.repository.js';

/** An attachment the actor may read: its follow-up (and so the follow-up's parent) is visible. */
async function findVisible(db: Executor, actor: FollowUpActor, id: string) {
  const rows = await db
    .select({
      id: attachments.id,
      followUpId: attachments.entityId,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      sizeBytes: attachments.sizeBytes,
      storageKey: attachments.storageKey,
      createdBy: attachments.createdBy,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .innerJoin(followUps, and(eq(followUps.orgId, attachments.orgId), eq(followUps.id, attachments.entityId)))
    .where(
      and(
        eq(attachments.orgId, actor.orgId),
        eq(attachments.id, id),
        eq(attachments.entity, 'follow_up'),
        isNull(attachments.deletedAt),
        isNull(followUps.deletedAt),
        visibleFollowUp(actor),
      ),
    );
  return rows[0] ?? null;
}

export function createAttachmentsService({ db, store }: { db: Db; store: AttachmentStore }) {
  /** Adding or removing files is an edit of the follow-up: author, or followups.edit, on a writable parent. */
  const lockFollowUpForEdit = async (tx: Executor, actor: Actor, followUpId: string) => {
    const followUp = await followUpsRepository.getById(tx, actor, followUpId);
    if (!followUp || (followUp.authorId !== actor.userId && !actor.permissions.has('followups.edit')))
      throw notFound('entity.followUp');
    await lockParent(tx, actor, parentOf(followUp));
  };

  return {
    async upload(actor: Actor, followUpId: string, file: UploadedFile): Promise<Attachment> {
      const { contentType } = await checkUpload(file, ATTACHMENT_MAX_BYTES);
      const fileName = cleanFileName(file.fileName);
      const id = newId();
      const storageKey = store.keyOf(actor.orgId, id);
      // The file goes first: a failed transaction leaves an unreferenced file, never a row without one.
      await db.transaction(async (tx) => {
        await lockFollowUpForEdit(tx, actor, followUpId);
        await store.moveIn(storageKey, file.path);
        const values = {
          orgId: actor.orgId,
          id,
          entity: 'follow_up',
          entityId: followUpId,
          fileName,
          contentType,
          sizeBytes: file.sizeBytes,
          storageKey,
          createdBy: actor.userId,
        };
        await tx.insert(attachments).values(values);
        await recordAudit(tx, actor, { action: 'create', entity: 'attachment', entityId: id, after: values });
      });
      const row = await findVisible(db, actor, id);
      return {
        id,
        fileName,
        contentType,
        sizeBytes: file.sizeBytes,
        createdAt: (row?.createdAt ?? new Date()).toISOString(),
      };
    },

    async download(actor: Actor, id: string): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
      const row = await findVisible(db, actor, id);
      if (!row) throw notFound('entity.attachment');
      return { fileName: row.fileName, contentType: row.contentType, bytes: await store.read(row.storageKey) };
    },

    /** Soft delete; the bytes stay on disk for restores and the audit trail. */
    async delete(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const row = await findVisible(tx, actor, id);
        if (!row) throw notFound('entity.attachment');
        await lockFollowUpForEdit(tx, actor, row.followUpId);
        await tx
          .update(attachments)
          .set({ deletedAt: new Date() })
          .where(and(eq(attachments.orgId, actor.orgId), eq(attachments.id, id)));
        await recordAudit(tx, actor, {
          action: 'delete',
          entity: 'attachment',
          entityId: id,
          before: { deletedAt: null },
        });
      });
    },
  };
}
