import {
  type CancelReturnVisitBody,
  type CreateReturnVisitBody,
  type PutReturnVisitSettingsBody,
  type RaisedComplaint,
  type RecordReturnVisitBody,
  type ReturnVisit,
  type ReturnVisitListQuery,
  type ReturnVisitPage,
  type ReturnVisitSettings,
  type UpdateReturnVisitBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { returnVisits } from '../../platform/db/schema/index.js';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { notifyUsers } from '../notifications/index.js';
import { openComplaint } from '../complaints/index.js';
import { translate } from '../../platform/i18n/translate.js';
import { orgTimeZone, todayIn } from '../../platform/time/index.js';
import { returnVisitSettingsOf, snapshot, toReturnVisit } from './return-visits.values.js';
import { returnVisitsRepository as repo, type ReturnVisitRow } from './return-visits.repository.js';

/** Return visits (回访, issue 15): the service queue, the call's result, the settings. */
export function createReturnVisitsService({ db, clock = () => new Date() }: { db: Db; clock?: () => Date }) {
  const todayOf = async (executor: Executor, orgId: string) => todayIn(await orgTimeZone(executor, orgId), clock());

  async function read(executor: Executor, actor: Actor, id: string): Promise<ReturnVisit> {
    const row = await repo.getById(executor, actor, id);
    if (!row) throw notFound('entity.returnVisit');
    const settings = await returnVisitSettingsOf(executor, actor.orgId);
    return toReturnVisit(row, await todayOf(executor, actor.orgId), settings.lowScore);
  }

  /** Locks an open visit the actor may see, at the version they read. */
  async function lockOpen(tx: Executor, actor: Actor, id: string, version: number): Promise<ReturnVisitRow> {
    const row = await repo.getById(tx, actor, id, { lock: true });
    if (!row) throw notFound('entity.returnVisit');
    if (row.version !== version) throw staleVersion();
    if (row.status !== 'open') throw new AppError('business_rule', 'error.returnVisit.notOpen');
    return row;
  }

  async function assertHandler(
    executor: Executor,
    actor: Actor,
    handlerId: string | null | undefined,
    field: 'handlerId' | 'defaultHandlerId' = 'handlerId',
  ) {
    if (handlerId && !(await repo.isHandler(executor, actor.orgId, handlerId)))
      throw invalidField(field, 'validation.notAHandler');
  }

  /** Applies a change to a locked visit, audited with before and after. */
  async function change(
    tx: Executor,
    actor: Actor,
    before: ReturnVisitRow,
    changes: Partial<typeof returnVisits.$inferInsert>,
    action: 'update' | 'complete' | 'cancel',
  ) {
    const ok = await repo.update(tx, { orgId: actor.orgId, id: before.id, version: before.version }, changes);
    if (!ok) throw staleVersion();
    const after = await repo.getById(tx, actor, before.id);
    await recordAudit(tx, actor, {
      action,
      entity: 'return_visit',
      entityId: before.id,
      before: snapshot(before),
      after: snapshot(after!),
    });
  }

  return {
    async list(actor: Actor, query: ReturnVisitListQuery): Promise<ReturnVisitPage> {
      const limit = query.limit ?? 50;
      const history = query.status === 'done' || query.status === 'cancelled';
      const cursor = decodeCursor(query.cursor, history ? 'timestamp' : 'date');
      const today = await todayOf(db, actor.orgId);
      const rows = await repo.findPage(db, actor, {
        filters: {
          view: query.view ?? 'all',
          status: query.status,
          due: query.due,
          customerId: query.customerId,
          orderId: query.orderId,
        },
        today,
        cursor,
        limit: limit + 1,
      });
      const page = keysetPage(rows, { limit, sortValueOf: (row) => (history ? row.updatedAt : row.dueDate) });
      const { lowScore } = await returnVisitSettingsOf(db, actor.orgId);
      return { items: page.rows.map((row) => toReturnVisit(row, today, lowScore)), nextCursor: page.nextCursor };
    },

    get: (actor: Actor, id: string) => read(db, actor, id),

    /** By hand: a visit for a customer the caller may read, optionally about one of its orders. */
    async create(actor: Actor, body: CreateReturnVisitBody): Promise<ReturnVisit> {
      const id = newId();
      await db.transaction(async (tx) => {
        if (!(await repo.readableCustomer(tx, actor, body.customerId))) throw notFound('entity.customer');
        if (
          body.orderId &&
          !(await repo.orderOfCustomer(tx, { orgId: actor.orgId, orderId: body.orderId, customerId: body.customerId }))
        )
          throw invalidField('orderId', 'validation.orderOfOtherCustomer');
        await assertHandler(tx, actor, body.handlerId);
        const values = {
          orgId: actor.orgId,
          id,
          customerId: body.customerId,
          orderId: body.orderId ?? null,
          source: 'manual',
          dueDate: body.dueDate,
          handlerId: body.handlerId ?? null,
          notes: body.notes?.trim() || null,
          createdBy: actor.userId,
        };
        await repo.insert(tx, values);
        await recordAudit(tx, actor, { action: 'create', entity: 'return_visit', entityId: id, after: values });
      });
      return read(db, actor, id);
    },

    /** Reschedules or hands an open visit to someone (or back to the queue). */
    async update(actor: Actor, id: string, body: UpdateReturnVisitBody): Promise<ReturnVisit> {
      await db.transaction(async (tx) => {
        const before = await lockOpen(tx, actor, id, body.version);
        await assertHandler(tx, actor, body.handlerId);
        const changes = {
          ...(body.dueDate !== undefined ? { dueDate: body.dueDate } : {}),
          ...(body.handlerId !== undefined ? { handlerId: body.handlerId } : {}),
        };
        await change(tx, actor, before, changes, 'update');
      });
      return read(db, actor, id);
    },

    /** The call's result: who reached the customer, the score when they did, and notes. */
    async record(actor: Actor, id: string, body: RecordReturnVisitBody): Promise<ReturnVisit> {
      const satisfaction = body.satisfaction ?? null;
      await db.transaction(async (tx) => {
        // The record first: a visit the caller cannot see is a 404 whatever the body says.
        const before = await lockOpen(tx, actor, id, body.version);
        if (body.outcome === 'reached' && satisfaction === null)
          throw invalidField('satisfaction', 'validation.satisfactionWhenReached');
        const changes = {
          status: 'done',
          outcome: body.outcome,
          // Only a customer who was reached gave a score.
          satisfaction: body.outcome === 'reached' ? satisfaction : null,
          notes: body.notes?.trim() || before.notes,
          doneAt: clock(),
          doneBy: actor.userId,
          handlerId: before.handlerId ?? actor.userId,
        };
        await change(tx, actor, before, changes, 'complete');
        // An unhappy customer is the owner's business too: they hear of it at once.
        const { lowScore } = await returnVisitSettingsOf(tx, actor.orgId);
        if (
          changes.satisfaction !== null &&
          changes.satisfaction <= lowScore &&
          before.ownerId &&
          before.ownerId !== actor.userId
        ) {
          await notifyUsers(tx, {
            orgId: actor.orgId,
            userIds: [before.ownerId],
            kind: 'return_visit_low_score',
            params: {
              customerName: before.customerName,
              satisfaction: changes.satisfaction,
              handlerName: actor.displayName,
            },
            entity: 'customer',
            entityId: before.customerId,
          });
        }
      });
      return read(db, actor, id);
    },

    async cancel(actor: Actor, id: string, body: CancelReturnVisitBody): Promise<ReturnVisit> {
      const reason = body.reason.trim();
      await db.transaction(async (tx) => {
        const before = await lockOpen(tx, actor, id, body.version);
        if (reason === '') throw invalidField('reason', 'validation.required');
        await change(
          tx,
          actor,
          before,
          { status: 'cancelled', cancelReason: reason, doneAt: clock(), doneBy: actor.userId },
          'cancel',
        );
      });
      return read(db, actor, id);
    },

    /**
     * One click from a low score to a complaint: the customer, the order and what they said go over,
     * the complaint's own rules pick its handler and start its clock; the visit keeps the link.
     */
    async raiseComplaint(actor: Actor, id: string): Promise<RaisedComplaint> {
      return db.transaction(async (tx) => {
        const before = await repo.getById(tx, actor, id, { lock: true });
        if (!before) throw notFound('entity.returnVisit');
        const { lowScore } = await returnVisitSettingsOf(tx, actor.orgId);
        if (before.status !== 'done' || before.satisfaction === null || before.satisfaction > lowScore)
          throw new AppError('business_rule', 'error.returnVisit.notLowScore');
        if (before.raisedComplaintId) throw new AppError('business_rule', 'error.returnVisit.complaintRaised');
        const complaintId = await openComplaint(tx, actor, {
          customerId: before.customerId,
          orderId: before.orderId,
          channel: 'phone',
          severity: 'normal',
          subject: translate(actor.locale, 'returnVisit.complaintSubject', { score: before.satisfaction }),
          description:
            before.notes ?? translate(actor.locale, 'returnVisit.complaintSubject', { score: before.satisfaction }),
          source: 'return_visit',
        });
        await change(tx, actor, before, { raisedComplaintId: complaintId }, 'update');
        return { complaintId };
      });
    },

    getSettings: (actor: Actor): Promise<ReturnVisitSettings> => returnVisitSettingsOf(db, actor.orgId),

    async putSettings(actor: Actor, body: PutReturnVisitSettingsBody): Promise<ReturnVisitSettings> {
      await db.transaction(async (tx) => {
        const before = await returnVisitSettingsOf(tx, actor.orgId);
        if (before.version !== body.version) throw staleVersion();
        await assertHandler(tx, actor, body.defaultHandlerId, 'defaultHandlerId');
        const values = {
          orgId: actor.orgId,
          afterOrderDays: body.afterOrderDays,
          afterComplaintDays: body.afterComplaintDays,
          lowScore: body.lowScore,
          defaultHandlerId: body.defaultHandlerId,
          updatedBy: actor.userId,
        };
        if (!(await repo.putSettings(tx, { ...values, expectedVersion: body.version }))) throw staleVersion();
        const { defaultHandlerName: _name, version: _version, ...kept } = before;
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'return_visit_settings',
          entityId: actor.orgId,
          before: kept,
          after: {
            afterOrderDays: body.afterOrderDays,
            afterComplaintDays: body.afterComplaintDays,
            lowScore: body.lowScore,
            defaultHandlerId: body.defaultHandlerId,
          },
        });
      });
      return returnVisitSettingsOf(db, actor.orgId);
    },
  };
}
