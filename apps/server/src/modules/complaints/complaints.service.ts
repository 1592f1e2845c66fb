import {
  ATTACHMENT_MAX_BYTES,
  REPEAT_COMPLAINT_DAYS,
  type Attachment,
  type AssignComplaintBody,
  type AuditAction,
  type AssignmentRule,
  type Complaint,
  type ComplaintChannel,
  type ComplaintCommentBody,
  type ComplaintCommentKind,
  type ComplaintDetail,
  type ComplaintListQuery,
  type ComplaintPage,
  type ComplaintSeverity,
  type ComplaintState,
  type CreateComplaintBody,
  type ReopenComplaintBody,
  type ResolveComplaintBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { AttachmentStore } from '../../platform/attachments/attachment-store.js';
import { checkUpload, cleanFileName, type UploadedFile } from '../../platform/attachments/upload-checks.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { EventBus } from '../../platform/events/index.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { iso } from '../../platform/db/row-values.js';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { DAY_MS, businessMinutesBetween, type WorkingCalendar } from '../../platform/time/index.js';
import { notifyUsers } from '../notifications/index.js';
import {
  complaintSettingsRepository,
  complaintsRepository as repo,
  type ComplaintRow,
} from './complaints.repository.js';
import { deadlineAfter, deadlinesOf, loadServiceSettings, nextSlaCheck, workingCalendarOf } from './complaints.sla.js';

type Row = NonNullable<Awaited<ReturnType<typeof repo.lockById>>>;
const OPEN: readonly string[] = ['new', 'assigned', 'in_progress'];

function toComplaint(row: ComplaintRow, now: Date, calendar: WorkingCalendar): Complaint {
  const open = OPEN.includes(row.state);
  const clock = !open ? null : row.firstRespondedAt === null ? 'first_response' : 'resolution';
  const due = clock === 'first_response' ? row.firstResponseDueAt : row.resolutionDueAt;
  return {
    id: row.id,
    subject: row.subject,
    customerId: row.customerId,
    customerName: row.customerName,
    customerOwnerId: row.customerOwnerId,
    contactId: row.contactId,
    contactName: row.contactName,
    productId: row.productId,
    productName: row.productName,
    orderId: row.orderId,
    orderNumber: row.orderNumber,
    categoryId: row.categoryId,
    categoryNameZh: row.categoryNameZh,
    categoryNameEn: row.categoryNameEn,
    severity: row.severity as ComplaintSeverity,
    channel: row.channel as ComplaintChannel,
    source: row.source,
    description: row.description,
    state: row.state as ComplaintState,
    handlerId: row.handlerId,
    handlerName: row.handlerName,
    createdBy: row.createdBy,
    createdByName: row.createdByName,
    createdAt: iso(row.createdAt),
    firstResponseDueAt: iso(row.firstResponseDueAt),
    firstRespondedAt: iso(row.firstRespondedAt),
    resolutionDueAt: iso(row.resolutionDueAt),
    resolvedAt: iso(row.resolvedAt),
    closedAt: iso(row.closedAt),
    rootCause: row.rootCause,
    solution: row.solution,
    isRepeat: row.isRepeat,
    reopenCount: row.reopenCount,
    firstResponseBreached: row.firstResponseBreached,
    resolutionBreached: row.resolutionBreached,
    businessMinutesLeft: clock === null ? null : businessMinutesBetween(now, due, calendar),
    runningClock: clock,
    version: row.version,
  };
}

/** Where a complaint comes from: the queue's form (`manual`) or another module (`return_visit`, …). */
export interface OpenComplaintInput extends CreateComplaintBody {
  source?: string;
}

function ruleMatches(
  rule: AssignmentRule,
  complaint: { categoryId: string | null; productId: string | null },
  province: string | null,
) {
  if (rule.categoryId && rule.categoryId !== complaint.categoryId) return false;
  if (rule.productId && rule.productId !== complaint.productId) return false;
  if (rule.province && rule.province !== province) return false;
  return true;
}

const wrongState = () => new AppError('business_rule', 'complaints.wrongState');

async function calendarOf(executor: Executor, orgId: string) {
  const settings = await loadServiceSettings(executor, orgId);
  return { settings, calendar: await workingCalendarOf(executor, orgId, settings) };
}

async function notifyHandler(tx: Executor, actor: Actor, ticket: { id: string; subject: string }, handlerId: string) {
  if (handlerId === actor.userId) return;
  await notifyUsers(tx, {
    orgId: actor.orgId,
    userIds: [handlerId],
    kind: 'complaint_assigned',
    params: { subject: ticket.subject, assignedBy: actor.displayName },
    entity: 'complaint',
    entityId: ticket.id,
  });
}

/**
 * Opens a complaint in the caller's transaction: scope checks on the customer and the records it
 * names, the handler from the body or the assignment rules, SLA deadlines from the working calendar,
 * the repeat flag, audit and the owner's and handler's notices. Answers the new complaint's id.
 */
export async function openComplaintIn(
  tx: Executor,
  actor: Actor,
  body: OpenComplaintInput,
  clock: () => Date = () => new Date(),
): Promise<string> {
  const now = clock();
  const customer = await repo.readableCustomer(tx, actor, body.customerId);
  if (!customer) throw invalidField('customerId', 'validation.notVisible');
  if (body.contactId && !(await repo.contactOfCustomer(tx, actor.orgId, customer.id, body.contactId)))
    throw invalidField('contactId', 'complaints.notOfCustomer');
  if (body.orderId && !(await repo.orderOfCustomer(tx, actor.orgId, customer.id, body.orderId)))
    throw invalidField('orderId', 'complaints.notOfCustomer');
  if (body.productId && !(await repo.productExists(tx, actor.orgId, body.productId)))
    throw invalidField('productId', 'validation.notVisible');
  if (body.categoryId) {
    const category = await complaintSettingsRepository.category(tx, actor.orgId, body.categoryId);
    if (!category || !category.active) throw invalidField('categoryId', 'validation.invalid');
  }
  const subject = body.subject.trim();
  const description = body.description.trim();
  if (subject === '') throw invalidField('subject', 'validation.required');
  if (description === '') throw invalidField('description', 'validation.required');
  const { settings, calendar } = await calendarOf(tx, actor.orgId);
  let handlerId: string | null = null;
  if (body.handlerId) {
    if (!(await repo.isAssignable(tx, actor, body.handlerId))) throw invalidField('handlerId', 'validation.notInScope');
    handlerId = body.handlerId;
  } else {
    const facts = { categoryId: body.categoryId ?? null, productId: body.productId ?? null };
    const rule = settings.assignmentRules.find((r) => ruleMatches(r, facts, customer.province));
    const candidate = rule ? (rule.assignTo === 'owner' ? customer.ownerId : (rule.userId ?? null)) : null;
    if (candidate && (await repo.isEnabledUser(tx, actor.orgId, candidate))) handlerId = candidate;
  }
  const severity = body.severity ?? 'normal';
  const deadlines = deadlinesOf(now, severity, settings, calendar);
  const id = newId();
  const values = {
    orgId: actor.orgId,
    id,
    subject,
    customerId: customer.id,
    contactId: body.contactId ?? null,
    productId: body.productId ?? null,
    orderId: body.orderId ?? null,
    categoryId: body.categoryId ?? null,
    severity,
    channel: body.channel,
    source: body.source ?? 'manual',
    description,
    state: handlerId ? 'assigned' : 'new',
    handlerId,
    createdBy: actor.userId,
    firstResponseDueAt: deadlines.firstResponse.dueAt,
    firstResponseWarnAt: deadlines.firstResponse.warnAt,
    resolutionDueAt: deadlines.resolution.dueAt,
    resolutionWarnAt: deadlines.resolution.warnAt,
    isRepeat: await repo.hasComplaintSince(
      tx,
      actor.orgId,
      customer.id,
      new Date(now.getTime() - REPEAT_COMPLAINT_DAYS * DAY_MS),
    ),
    createdAt: now,
    updatedAt: now,
    slaCheckAt: deadlines.firstResponse.warnAt,
  };
  await repo.insert(tx, values);
  await recordAudit(tx, actor, { action: 'create', entity: 'complaint', entityId: id, after: values });
  if (customer.ownerId && customer.ownerId !== actor.userId) {
    await notifyUsers(tx, {
      orgId: actor.orgId,
      userIds: [customer.ownerId],
      kind: 'complaint_opened',
      params: { subject, customer: customer.name, severity, repeat: values.isRepeat },
      entity: 'complaint',
      entityId: id,
    });
  }
  if (handlerId) await notifyHandler(tx, actor, { id, subject }, handlerId);
  return id;
}

/** Complaints / service tickets (issue 15 item 1). */
export function createComplaintsService({
  db,
  clock = () => new Date(),
  store,
  events,
}: {
  db: Db;
  clock?: () => Date;
  /** Where a closed complaint is announced (return visits follow it); tests may leave it out. */
  events?: EventBus;
  /** Where attachments' bytes live; only the routes' service uploads and downloads. */
  store?: AttachmentStore;
}) {
  async function detail(executor: Executor, actor: Actor, id: string): Promise<ComplaintDetail> {
    const row = await repo.getById(executor, actor, id);
    if (!row) throw notFound('entity.complaint');
    const { calendar } = await calendarOf(executor, actor.orgId);
    const comments = await repo.comments(executor, actor.orgId, id);
    const attachments = await repo.attachments(executor, actor.orgId, id);
    return {
      attachments: attachments.map((file) => ({
        id: file.id,
        fileName: file.fileName,
        contentType: file.contentType,
        sizeBytes: Number(file.sizeBytes),
        createdAt: iso(file.createdAt),
        createdByName: file.createdByName,
      })),
      complaint: toComplaint(row, clock(), calendar),
      comments: comments.map((comment) => ({
        id: comment.id,
        kind: comment.kind as ComplaintCommentKind,
        text: comment.text,
        authorId: comment.authorId,
        authorName: comment.authorName,
        createdAt: iso(comment.createdAt),
      })),
    };
  }

  /** Applies a change to a locked ticket with its SLA check time recomputed, and audits it. */
  async function change(tx: Executor, actor: Actor, before: Row, changes: Partial<Row>, action: AuditAction) {
    const after = { ...before, ...changes };
    const values = { ...changes, slaCheckAt: nextSlaCheck(after) };
    if (!(await repo.update(tx, { orgId: actor.orgId, id: before.id, version: before.version }, values)))
      throw staleVersion();
    const picked = Object.fromEntries(Object.keys(changes).map((key) => [key, before[key as keyof Row]]));
    await recordAudit(tx, actor, { action, entity: 'complaint', entityId: before.id, before: picked, after: changes });
  }

  async function locked(tx: Executor, actor: Actor, id: string): Promise<Row> {
    const row = await repo.lockById(tx, actor, id);
    if (!row) throw notFound('entity.complaint');
    return row;
  }

  const open = (tx: Executor, actor: Actor, body: OpenComplaintInput) => openComplaintIn(tx, actor, body, clock);

  return {
    open,

    async list(actor: Actor, query: ComplaintListQuery): Promise<ComplaintPage> {
      const now = clock();
      const limit = query.limit ?? 50;
      const cursor = decodeCursor(query.cursor, 'timestamp');
      const { calendar } = await calendarOf(db, actor.orgId);
      const rows = await repo.findPage(db, actor, { filters: query, now, cursor, limit: limit + 1 });
      const page = keysetPage(rows, { limit, sortValueOf: (row) => new Date(row.resolutionDueAt).toISOString() });
      return { items: page.rows.map((row) => toComplaint(row, now, calendar)), nextCursor: page.nextCursor };
    },

    get: (actor: Actor, id: string) => detail(db, actor, id),

    /** A photo or document of the complaint: whoever may see the ticket and open complaints may add one. */
    async upload(actor: Actor, id: string, file: UploadedFile): Promise<Attachment> {
      if (!store) throw new Error('no attachment store');
      const { contentType } = await checkUpload(file, ATTACHMENT_MAX_BYTES);
      const fileName = cleanFileName(file.fileName);
      const attachmentId = newId();
      const storageKey = store.keyOf(actor.orgId, attachmentId);
      const createdAt = clock();
      // The file goes first: a failed transaction leaves an unreferenced file, never a row without one.
      await db.transaction(async (tx) => {
        await locked(tx, actor, id);
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
          after: { ...values, entity: 'complaint' },
        });
      });
      return { id: attachmentId, fileName, contentType, sizeBytes: file.sizeBytes, createdAt: createdAt.toISOString() };
    },

    async download(actor: Actor, id: string, attachmentId: string) {
      if (!store) throw new Error('no attachment store');
      if (!(await repo.getById(db, actor, id))) throw notFound('entity.complaint');
      const file = (await repo.attachments(db, actor.orgId, id)).find((row) => row.id === attachmentId);
      if (!file) throw notFound('entity.attachment');
      return { fileName: file.fileName, contentType: file.contentType, bytes: await store.read(file.storageKey) };
    },

    create: (actor: Actor, body: CreateComplaintBody) =>
      db.transaction(async (tx) => detail(tx, actor, await open(tx, actor, body))),

    assign: (actor: Actor, id: string, body: AssignComplaintBody) =>
      db.transaction(async (tx) => {
        const before = await locked(tx, actor, id);
        if (!OPEN.includes(before.state)) throw wrongState();
        if (!(await repo.isAssignable(tx, actor, body.handlerId)))
          throw invalidField('handlerId', 'validation.notInScope');
        if (before.handlerId !== body.handlerId) {
          const state = before.state === 'in_progress' ? 'in_progress' : 'assigned';
          await change(tx, actor, before, { handlerId: body.handlerId, state }, 'assign');
          await notifyHandler(tx, actor, before, body.handlerId);
        }
        return detail(tx, actor, id);
      }),

    /** Work starts: the first response if none was given yet; an unassigned ticket becomes the caller's. */
    start: (actor: Actor, id: string) =>
      db.transaction(async (tx) => {
        const before = await locked(tx, actor, id);
        if (before.state !== 'new' && before.state !== 'assigned') throw wrongState();
        await change(
          tx,
          actor,
          before,
          {
            state: 'in_progress',
            handlerId: before.handlerId ?? actor.userId,
            firstRespondedAt: before.firstRespondedAt ?? clock(),
          },
          'start',
        );
        return detail(tx, actor, id);
      }),

    /** A reply to the customer counts as the first response; a note stays internal. */
    comment: (actor: Actor, id: string, body: ComplaintCommentBody) =>
      db.transaction(async (tx) => {
        const before = await locked(tx, actor, id);
        const text = body.text.trim();
        if (text === '') throw invalidField('text', 'validation.required');
        const commentId = newId();
        await repo.insertComment(tx, {
          orgId: actor.orgId,
          id: commentId,
          complaintId: id,
          kind: body.kind,
          text,
          authorId: actor.userId,
          createdAt: clock(),
        });
        if (body.kind === 'reply' && before.firstRespondedAt === null) {
          await change(tx, actor, before, { firstRespondedAt: clock() }, 'update');
        } else {
          await recordAudit(tx, actor, {
            action: 'update',
            entity: 'complaint',
            entityId: id,
            after: { comment: { id: commentId, kind: body.kind } },
          });
        }
        return detail(tx, actor, id);
      }),

    resolve: (actor: Actor, id: string, body: ResolveComplaintBody) =>
      db.transaction(async (tx) => {
        const before = await locked(tx, actor, id);
        if (!OPEN.includes(before.state)) throw wrongState();
        const rootCause = body.rootCause.trim();
        const solution = body.solution.trim();
        if (rootCause === '') throw invalidField('rootCause', 'validation.required');
        if (solution === '') throw invalidField('solution', 'validation.required');
        const now = clock();
        await change(
          tx,
          actor,
          before,
          {
            state: 'resolved',
            rootCause,
            solution,
            resolvedAt: now,
            handlerId: before.handlerId ?? actor.userId,
            firstRespondedAt: before.firstRespondedAt ?? now,
          },
          'resolve',
        );
        const customer = await repo.readableCustomer(tx, { ...actor, dataScope: 'all' }, before.customerId);
        if (customer?.ownerId && customer.ownerId !== actor.userId) {
          await notifyUsers(tx, {
            orgId: actor.orgId,
            userIds: [customer.ownerId],
            kind: 'complaint_resolved',
            params: { subject: before.subject, customer: customer.name },
            entity: 'complaint',
            entityId: id,
          });
        }
        return detail(tx, actor, id);
      }),

    close: (actor: Actor, id: string) =>
      db.transaction(async (tx) => {
        const before = await locked(tx, actor, id);
        if (before.state !== 'resolved') throw wrongState();
        const closedAt = clock();
        await change(tx, actor, before, { state: 'closed', closedAt }, 'close');
        await events?.publish(tx, {
          type: 'complaint.closed',
          orgId: actor.orgId,
          customerId: before.customerId,
          complaintId: id,
          actorId: actor.userId,
          at: closedAt,
        });
        return detail(tx, actor, id);
      }),

    /** Back to work: the resolution clock starts again from now; the reason is kept as a note. */
    reopen: (actor: Actor, id: string, body: ReopenComplaintBody) =>
      db.transaction(async (tx) => {
        const before = await locked(tx, actor, id);
        if (before.state !== 'resolved' && before.state !== 'closed') throw wrongState();
        const reason = body.reason.trim();
        if (reason === '') throw invalidField('reason', 'validation.required');
        const now = clock();
        const { settings, calendar } = await calendarOf(tx, actor.orgId);
        const resolution = deadlineAfter(
          now,
          settings.sla[before.severity as ComplaintSeverity].resolutionMinutes,
          calendar,
        );
        await repo.insertComment(tx, {
          orgId: actor.orgId,
          id: newId(),
          complaintId: id,
          kind: 'note',
          text: reason,
          authorId: actor.userId,
          createdAt: now,
        });
        await change(
          tx,
          actor,
          before,
          {
            state: before.handlerId ? 'in_progress' : 'new',
            resolvedAt: null,
            closedAt: null,
            reopenCount: before.reopenCount + 1,
            resolutionDueAt: resolution.dueAt,
            resolutionWarnAt: resolution.warnAt,
            resolutionWarned: false,
            resolutionBreached: false,
          },
          'reopen',
        );
        if (before.handlerId) await notifyHandler(tx, actor, before, before.handlerId);
        return detail(tx, actor, id);
      }),
  };
}
