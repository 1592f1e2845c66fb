import {
  ATTACHMENT_MAX_BYTES,
  DEFAULT_CURRENCY,
  type Attachment,
  type CustomerAttachmentList,
  type CustomerEvent,
  type CustomerEventKind,
  type CustomerEventList,
  type CustomerSummary,
  type RelationshipPhase,
  type Stage,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { AttachmentStore } from '../../platform/attachments/attachment-store.js';
import { checkUpload, cleanFileName, type UploadedFile } from '../../platform/attachments/upload-checks.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { DAY_MS } from '../../platform/time/index.js';
import { approvalTitle } from '../approvals/index.js';
import { fieldAccess, findReadableCustomer, lockWritableCustomer } from '../customers/index.js';
import { createPoolCustomersService } from '../pools/index.js';
import { customer360Repository as repo, type EventRow } from './customer-360.repository.js';

/** How many events of each source the timeline shows (newest first). */
const EVENTS_PER_SOURCE = 100;

const iso = (value: Date | string) => new Date(value).toISOString();
const customerNotFound = () => notFound('entity.customer');

/** The customer page's header numbers, business events and files (issue 14 item 6). */
export function createCustomer360Service({ db, store }: { db: Db; store: AttachmentStore }) {
  const pools = createPoolCustomersService({ db });

  const readable = async (executor: Executor, actor: Actor, id: string) => {
    const customer = await findReadableCustomer(executor, actor, id);
    if (!customer) throw customerNotFound();
    return customer;
  };

  /** Days until the pool takes the customer back; null for pool customers and where no rule applies. */
  const reclaimDays = async (actor: Actor, id: string): Promise<number | null> => {
    try {
      return (await pools.getOwnership(actor, id)).daysUntilReclaim;
    } catch (error) {
      if (error instanceof AppError) return null;
      throw error;
    }
  };

  const toEvent = (actor: Actor, row: EventRow): CustomerEvent => {
    const en = actor.locale === 'en';
    const subject =
      row.businessType !== null && row.businessType !== undefined
        ? approvalTitle({
            locale: actor.locale,
            businessType: row.businessType,
            storedTitle: row.subject,
            summary: row.summary ?? {},
            submitterName: row.submitterName ?? '',
          })
        : row.subject;
    return {
      id: row.id,
      kind: row.kind as CustomerEventKind,
      at: iso(row.at),
      actorName: row.actorName ?? null,
      subject,
      subjectId: row.subjectId,
      amountFen: row.amountFen === null || row.amountFen === undefined ? null : Number(row.amountFen),
      currency: row.currency ?? null,
      fromStage: (en ? row.fromStageEn : null) || row.fromStage || null,
      toStage: (en ? row.toStageEn : null) || row.toStage || null,
      reason: row.reason ?? null,
    };
  };

  return {
    async summary(actor: Actor, id: string): Promise<CustomerSummary> {
      const customer = await readable(db, actor, id);
      const numbers = await repo.summaryNumbers(db, actor.orgId, id, DEFAULT_CURRENCY);
      const canOrders = actor.permissions.has('orders.view');
      const canOpportunities = actor.permissions.has('opportunities.view');
      // A role that may not see the customer's phone sees no contact's mobile either (security A9).
      const phoneHidden = fieldAccess(actor.fieldPermissions, 'phone') === 'hidden';
      const contactPhone = actor.permissions.has('contacts.view') ? numbers.primaryContactPhone : null;
      const phone = phoneHidden ? null : (contactPhone ?? customer.phone ?? null);
      return {
        customerId: id,
        stage: customer.stage as Stage,
        daysInStage: Math.max(0, Math.floor((Date.now() - customer.stageEnteredAt.getTime()) / DAY_MS)),
        relationshipPhase: customer.relationshipPhase as RelationshipPhase | null,
        ownerId: customer.ownerId,
        ownerName: customer.ownerName,
        lastFollowUpAt: numbers.lastFollowUpAt?.toISOString() ?? null,
        nextFollowUpAt: numbers.nextFollowUpAt?.toISOString() ?? null,
        currency: DEFAULT_CURRENCY,
        openOpportunityFen: canOpportunities ? numbers.openOpportunityFen : null,
        openOpportunityCount: canOpportunities ? numbers.openOpportunityCount : null,
        totalBoughtFen: canOrders ? numbers.totalBoughtFen : null,
        owedFen: canOrders ? numbers.owedFen : null,
        daysUntilReclaim: customer.ownerId === null ? null : await reclaimDays(actor, id),
        phone,
      };
    },

    /** Orders, payments, approvals and opportunity moves the caller may read, newest first. */
    async events(actor: Actor, id: string): Promise<CustomerEventList> {
      await readable(db, actor, id);
      const rows: EventRow[] = [];
      if (actor.permissions.has('orders.view'))
        rows.push(...(await repo.orderEvents(db, actor.orgId, id, EVENTS_PER_SOURCE)));
      if (actor.permissions.has('opportunities.view'))
        rows.push(...(await repo.opportunityEvents(db, actor.orgId, id, EVENTS_PER_SOURCE)));
      if (actor.permissions.has('approvals.view'))
        rows.push(...(await repo.approvalEvents(db, actor.orgId, id, EVENTS_PER_SOURCE)));
      const items = rows.map((row) => toEvent(actor, row)).sort((a, b) => b.at.localeCompare(a.at));
      return { items };
    },

    async listAttachments(actor: Actor, id: string): Promise<CustomerAttachmentList> {
      await readable(db, actor, id);
      const rows = await repo.attachments(db, actor.orgId, id);
      return {
        items: rows.map((row) => ({
          id: row.id,
          fileName: row.fileName,
          contentType: row.contentType,
          sizeBytes: Number(row.sizeBytes),
          createdAt: iso(row.createdAt),
          createdByName: row.createdByName ?? null,
        })),
      };
    },

    /** Adding a file is an edit of the customer: the customer must be in the caller's write scope. */
    async upload(actor: Actor, id: string, file: UploadedFile): Promise<Attachment> {
      const { contentType } = await checkUpload(file, ATTACHMENT_MAX_BYTES);
      const fileName = cleanFileName(file.fileName);
      const attachmentId = newId();
      const storageKey = store.keyOf(actor.orgId, attachmentId);
      const createdAt = new Date();
      // The file goes first: a failed transaction leaves an unreferenced file, never a row without one.
      await db.transaction(async (tx) => {
        if (!(await lockWritableCustomer(tx, actor, id))) throw customerNotFound();
        await store.moveIn(storageKey, file.path);
        const values = {
          orgId: actor.orgId,
          id: attachmentId,
          entityId: id,
          fileName,
          contentType,
          sizeBytes: file.sizeBytes,
          storageKey,
          createdBy: actor.userId,
          createdAt,
        };
        await repo.insertAttachment(tx, values);
        await recordAudit(tx, actor, {
          action: 'create',
          entity: 'attachment',
          entityId: attachmentId,
          after: { ...values, entity: 'customer' },
        });
      });
      return { id: attachmentId, fileName, contentType, sizeBytes: file.sizeBytes, createdAt: createdAt.toISOString() };
    },

    async download(actor: Actor, id: string, attachmentId: string) {
      await readable(db, actor, id);
      const file = (await repo.attachments(db, actor.orgId, id)).find((row) => row.id === attachmentId);
      if (!file) throw notFound('entity.attachment');
      return { fileName: file.fileName, contentType: file.contentType, bytes: await store.read(file.storageKey) };
    },

    /** Soft delete; the bytes stay on disk for the audit trail. */
    async deleteAttachment(actor: Actor, id: string, attachmentId: string): Promise<void> {
      await db.transaction(async (tx) => {
        if (!(await lockWritableCustomer(tx, actor, id))) throw customerNotFound();
        const file = (await repo.attachments(tx, actor.orgId, id)).find((row) => row.id === attachmentId);
        if (!file) throw notFound('entity.attachment');
        await repo.softDeleteAttachment(tx, actor.orgId, attachmentId);
        await recordAudit(tx, actor, {
          action: 'delete',
          entity: 'attachment',
          entityId: attachmentId,
          before: { entity: 'customer', entityId: id, fileName: file.fileName, deletedAt: null },
        });
      });
    },
  };
}
export type Customer360Service = ReturnType<typeof createCustomer360Service>;
