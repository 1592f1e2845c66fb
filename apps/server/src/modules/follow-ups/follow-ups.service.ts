import type {
  CreateFollowUpBody,
  FollowUp,
  FollowUpListQuery,
  FollowUpPage,
  UpdateFollowUpBody,
} from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { assertActiveFollowUpType } from './follow-up-types.js';
import { lockParent, parentOf, syncParent, type FollowUpParent } from './follow-up-parents.js';
import { followUpsRepository, type FollowUpFilters, type FollowUpRow } from './follow-ups.repository.js';
import { findReadableOpportunity } from '../opportunities/index.js';

/** A follow-up "now" may be a little ahead of the server clock (phones' clocks drift). */
const CLOCK_SKEW_MS = 60_000;

/** Checks the times of a follow-up; each failure names its field (400). */
export function assertFollowUpTimes(times: { occurredAt: Date; nextContactAt: Date | null }, now: Date): void {
  if (times.occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw invalidField('occurredAt', 'validation.notInFuture');
  if (times.nextContactAt !== null && times.nextContactAt.getTime() <= now.getTime())
    throw invalidField('nextContactAt', 'validation.inFuture');
}

function parentFromBody(body: Pick<CreateFollowUpBody, 'customerId' | 'leadId' | 'opportunityId'>): FollowUpParent {
  if ((body.customerId === undefined) === (body.leadId === undefined)) {
    throw new AppError('validation', 'error.validation', {
      fields: [{ field: 'customerId', key: 'validation.oneParent' }],
    });
  }
  // An opportunity's follow-up carries its customer (the opportunity belongs to it).
  if (body.opportunityId !== undefined && body.customerId === undefined)
    throw invalidField('customerId', 'validation.required');
  return body.customerId !== undefined ? { kind: 'customer', id: body.customerId } : { kind: 'lead', id: body.leadId! };
}

async function assertContactsOfParent(
  tx: Executor,
  actor: Actor,
  parent: FollowUpParent,
  contactIds: string[],
): Promise<void> {
  if (contactIds.length === 0) return;
  const count =
    parent.kind === 'customer' ? await followUpsRepository.countContactsOf(tx, actor.orgId, parent.id, contactIds) : 0;
  if (count !== contactIds.length) throw invalidField('contactIds', 'validation.contactOfCustomer');
}

/** Adds contact names and attachments to a page of rows (two queries for the whole page). */
async function present(db: Executor, orgId: string, rows: FollowUpRow[]): Promise<FollowUp[]> {
  const names = await followUpsRepository.contactNames(db, orgId, [...new Set(rows.flatMap((r) => r.contactIds))]);
  const files = await followUpsRepository.attachmentsOf(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map(({ contactIds, ...r }) => ({
    ...r,
    occurredAt: r.occurredAt.toISOString(),
    nextContactAt: r.nextContactAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    contacts: contactIds.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : [])),
    attachments: files
      .filter((f) => f.entityId === r.id)
      .map(({ entityId: _, createdAt, ...f }) => ({ ...f, createdAt: createdAt.toISOString() })),
  }));
}

export interface CreateFollowUpOptions {
  /** The clock of the write; check-ins pass theirs so the visit and its follow-up agree. */
  now?: Date;
  /** A check-in's follow-up is of type `visit` even if that type was deactivated. */
  skipTypeCheck?: boolean;
  /** False for an import, whose own audit entry counts the follow-ups it created. */
  audited?: boolean;
  /** The follow-up's id in the old system (an import finds it again by this). */
  externalId?: string | null;
}

/**
 * Writes a follow-up inside the caller's transaction: validates, inserts, moves the parent's
 * last follow-up (reclaim clock) and next contact time, audits. Used by check-ins as well.
 */
export async function insertFollowUp(
  tx: Executor,
  actor: Actor,
  body: CreateFollowUpBody,
  options: CreateFollowUpOptions = {},
): Promise<string> {
  const now = options.now ?? new Date();
  const parent = parentFromBody(body);
  const occurredAt = body.occurredAt === undefined ? now : new Date(body.occurredAt);
  const nextContactAt = body.nextContactAt ? new Date(body.nextContactAt) : null;
  assertFollowUpTimes({ occurredAt, nextContactAt }, now);
  const content = body.content.trim();
  if (content.length === 0) throw invalidField('content', 'validation.required');
  if (!options.skipTypeCheck) await assertActiveFollowUpType(tx, actor.orgId, body.type);
  await lockParent(tx, actor, parent);
  if (body.opportunityId !== undefined) {
    const opportunity = await findReadableOpportunity(tx, actor, body.opportunityId);
    // Unknown, out of scope or of another customer: the same answer, naming the field and revealing nothing.
    if (!opportunity || parent.kind !== 'customer' || opportunity.customerId !== parent.id) {
      throw invalidField('opportunityId', 'validation.invalid');
    }
  }
  const contactIds = body.contactIds ?? [];
  await assertContactsOfParent(tx, actor, parent, contactIds);
  const id = newId();
  const values = {
    orgId: actor.orgId,
    id,
    customerId: parent.kind === 'customer' ? parent.id : null,
    leadId: parent.kind === 'lead' ? parent.id : null,
    opportunityId: body.opportunityId ?? null,
    type: body.type,
    content,
    occurredAt,
    nextContactAt,
    contactIds,
    authorId: actor.userId,
    externalId: options.externalId ?? null,
  };
  await followUpsRepository.insert(tx, values);
  await syncParent(tx, actor.orgId, parent);
  if (options.audited !== false)
    await recordAudit(tx, actor, { action: 'create', entity: 'follow_up', entityId: id, after: values });
  return id;
}

export function createFollowUpsService({ db }: { db: Db }) {
  const readBack = async (actor: Actor, id: string): Promise<FollowUp> => {
    const row = await followUpsRepository.getById(db, actor, id);
    if (!row) throw notFound('entity.followUp');
    return (await present(db, actor.orgId, [row]))[0]!;
  };

  /** Locks parent then follow-up; answers 404 when the caller cannot write on the parent. */
  const lockForWrite = async (tx: Executor, actor: Actor, id: string): Promise<FollowUpRow> => {
    const before = await followUpsRepository.getById(tx, actor, id);
    if (!before) throw notFound('entity.followUp');
    await lockParent(tx, actor, parentOf(before));
    const locked = await followUpsRepository.lockById(tx, actor.orgId, id);
    if (!locked || locked.deletedAt !== null) throw notFound('entity.followUp');
    return { ...before, version: locked.version };
  };

  return {
    async list(actor: Actor, query: FollowUpListQuery): Promise<FollowUpPage> {
      const limit = query.limit ?? 50;
      // A parent the caller cannot read lists nothing, like an unknown one: the repository reads
      // follow-ups through their parent's scope (list filters never answer 404).
      const filters: FollowUpFilters = {
        opportunityId: query.opportunityId,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      };
      if (query.customerId) filters.customerId = query.customerId;
      else if (query.leadId) filters.leadId = query.leadId;
      // Without a parent the list is someone's follow-ups: by default the caller's own.
      if (query.authorId || (!query.customerId && !query.leadId && !query.opportunityId))
        filters.authorId = query.authorId ?? actor.userId;
      const cursor = decodeCursor(query.cursor, 'timestamp');
      const page = await followUpsRepository.findPage(db, actor, { filters, cursor, limit: limit + 1 });
      const { rows, nextCursor } = keysetPage(page.rows, { limit, sortValueOf: (_, i) => page.sortValues[i] ?? null });
      return { items: await present(db, actor.orgId, rows), nextCursor };
    },

    get: readBack,

    async create(actor: Actor, body: CreateFollowUpBody): Promise<FollowUp> {
      const id = await db.transaction((tx) => insertFollowUp(tx, actor, body));
      return readBack(actor, id);
    },

    /** The author edits their own; others need followups.edit. Times are checked again. */
    async update(actor: Actor, id: string, body: UpdateFollowUpBody): Promise<FollowUp> {
      const { version, ...changes } = body;
      await db.transaction(async (tx) => {
        const before = await lockForWrite(tx, actor, id);
        if (before.authorId !== actor.userId && !actor.permissions.has('followups.edit'))
          throw notFound('entity.followUp');
        if (before.version !== version) throw staleVersion();
        const occurredAt = changes.occurredAt === undefined ? before.occurredAt : new Date(changes.occurredAt);
        const nextContactAt =
          changes.nextContactAt === undefined
            ? before.nextContactAt
            : changes.nextContactAt === null
              ? null
              : new Date(changes.nextContactAt);
        const now = new Date();
        if (changes.occurredAt !== undefined || changes.nextContactAt !== undefined) {
          assertFollowUpTimes(
            { occurredAt, nextContactAt: changes.nextContactAt === undefined ? null : nextContactAt },
            now,
          );
        }
        if (changes.type !== undefined && changes.type !== before.type)
          await assertActiveFollowUpType(tx, actor.orgId, changes.type);
        const content = changes.content?.trim();
        if (content !== undefined && content.length === 0) throw invalidField('content', 'validation.required');
        if (changes.contactIds !== undefined)
          await assertContactsOfParent(tx, actor, parentOf(before), changes.contactIds);
        const set = {
          ...(changes.type === undefined ? {} : { type: changes.type }),
          ...(content === undefined ? {} : { content }),
          ...(changes.contactIds === undefined ? {} : { contactIds: changes.contactIds }),
          occurredAt,
          nextContactAt,
        };
        if (!(await followUpsRepository.update(tx, { orgId: actor.orgId, id, version }, set))) throw staleVersion();
        await syncParent(tx, actor.orgId, parentOf(before));
        const { customerName: _c, leadName: _l, authorName: _a, ...beforeRow } = before;
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'follow_up',
          entityId: id,
          before: beforeRow,
          after: set,
        });
      });
      return readBack(actor, id);
    },

    /** Soft delete (followups.delete); the parent's last/next times fall back to the remaining ones. */
    async delete(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const before = await lockForWrite(tx, actor, id);
        const deletedAt = sql`now()` as unknown as Date;
        await followUpsRepository.update(
          tx,
          { orgId: actor.orgId, id, version: before.version },
          { deletedAt, deletedBy: actor.userId },
        );
        await syncParent(tx, actor.orgId, parentOf(before));
        await recordAudit(tx, actor, {
          action: 'delete',
          entity: 'follow_up',
          entityId: id,
          before: { deletedAt: null },
        });
      });
    },
  };
}
export type FollowUpsService = ReturnType<typeof createFollowUpsService>;
