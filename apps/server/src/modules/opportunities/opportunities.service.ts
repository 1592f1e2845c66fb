import {
  DEFAULT_CURRENCY,
  type CreateOpportunityBody,
  type Opportunity,
  type OpportunityHistory,
  type OpportunityListQuery,
  type OpportunityPage,
  type OpportunityStatus,
  type UpdateOpportunityBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { auditTrail, recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import type { EventBus } from '../../platform/events/index.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { addDays, orgTimeZone, startOfDate } from '../../platform/time/index.js';
import { checkCustomFieldValues } from '../custom-fields/index.js';
import { lockWritableCustomer } from '../customers/index.js';
import { opportunitiesRepository } from './opportunities.repository.js';
import {
  assertAssignableOwner,
  auditedState,
  lockOpportunity,
  requiredText,
  toOpportunity,
} from './opportunities.values.js';
import { ensureDefaultSalesProcess } from './sales-processes.defaults.js';
import { salesProcessesRepository } from './sales-processes.repository.js';

const audit = auditTrail('opportunity', auditedState);

/** Closing dates (the organization's calendar, `to` inclusive) as instants [closedFrom, closedBefore). */
export async function closedRange(
  executor: Executor,
  orgId: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<{ closedFrom?: Date; closedBefore?: Date }> {
  if (range.from === undefined && range.to === undefined) return {};
  const timeZone = await orgTimeZone(executor, orgId);
  return {
    ...(range.from === undefined ? {} : { closedFrom: startOfDate(range.from, timeZone) }),
    ...(range.to === undefined ? {} : { closedBefore: startOfDate(addDays(range.to, 1), timeZone) }),
  };
}

/** The process a new opportunity runs in, and its starting stage. */
async function resolveProcessAndStage(
  tx: Executor,
  options: { orgId: string; ownerId: string; processId?: string | undefined; stageId?: string | undefined },
): Promise<{ processId: string; stageId: string }> {
  const { orgId } = options;
  await ensureDefaultSalesProcess(tx, orgId);
  let processId = options.processId;
  if (processId !== undefined) {
    const process = await salesProcessesRepository.getById(tx, orgId, processId);
    if (!process || process.deletedAt) throw invalidField('processId', 'validation.invalid');
  } else {
    const departmentId = await salesProcessesRepository.getUserDepartmentId(tx, orgId, options.ownerId);
    processId = (await salesProcessesRepository.resolveForDepartment(tx, orgId, departmentId)) ?? undefined;
    if (processId === undefined) throw new AppError('business_rule', 'error.noSalesProcess');
  }
  // Keeps the process's stage list as it is until this opportunity is committed (see update).
  await salesProcessesRepository.shareLock(tx, orgId, processId);
  const stages = await salesProcessesRepository.findStages(tx, orgId, [processId]);
  const stage = options.stageId === undefined ? stages[0] : stages.find((s) => s.id === options.stageId);
  if (!stage)
    throw new AppError('validation', 'error.stageOfOtherProcess', {
      fields: [{ field: 'stageId', key: 'validation.invalid' }],
    });
  return { processId, stageId: stage.id };
}

/** Opportunities (商机): records, their log and history; scope follows the customer. */
export function createOpportunitiesService({ db, events }: { db: Db; events: EventBus }) {
  const readBack = async (actor: Actor, id: string): Promise<Opportunity> => {
    const row = await opportunitiesRepository.getById(db, actor, id);
    if (!row) throw notFound('entity.opportunity');
    return toOpportunity(row, actor);
  };

  return {
    async list(actor: Actor, query: OpportunityListQuery): Promise<OpportunityPage> {
      const limit = query.limit ?? 50;
      const { limit: _, cursor: rawCursor, closedFrom, closedTo, ...rest } = query;
      const cursor = decodeCursor(rawCursor, 'timestamp');
      const filters = { ...rest, ...(await closedRange(db, actor.orgId, { from: closedFrom, to: closedTo })) };
      const page = await opportunitiesRepository.findPage(db, actor, { filters, cursor, limit: limit + 1 });
      const { rows, nextCursor } = keysetPage(page.rows, { limit, sortValueOf: (_, i) => page.sortValues[i] ?? null });
      return { items: rows.map((r) => toOpportunity(r, actor)), nextCursor };
    },

    get: readBack,

    /** Opening an opportunity publishes `opportunity.opened` in the same transaction (domain §2). */
    async create(actor: Actor, body: CreateOpportunityBody): Promise<Opportunity> {
      const id = newId();
      const name = requiredText('name', body.name);
      await db.transaction(async (tx) => {
        const customer = await lockWritableCustomer(tx, actor, body.customerId);
        if (!customer || customer.deletedAt !== null) throw notFound('entity.customer');
        const ownerId = body.ownerId ?? actor.userId;
        await assertAssignableOwner(tx, actor, ownerId);
        const { processId, stageId } = await resolveProcessAndStage(tx, {
          orgId: actor.orgId,
          ownerId,
          processId: body.processId,
          stageId: body.stageId,
        });
        const customFields = await checkCustomFieldValues(tx, actor, {
          entity: 'opportunity',
          input: body.customFields,
          before: null,
        });
        const values = {
          orgId: actor.orgId,
          id,
          customerId: customer.id,
          name,
          amountFen: body.amountFen,
          currency: body.currency ?? DEFAULT_CURRENCY,
          expectedCloseDate: body.expectedCloseDate ?? null,
          processId,
          stageId,
          ownerId,
          status: 'open',
          customFields,
          createdBy: actor.userId,
        };
        await opportunitiesRepository.insert(tx, values);
        await opportunitiesRepository.insertStageChange(tx, {
          orgId: actor.orgId,
          id: newId(),
          opportunityId: id,
          fromStageId: null,
          toStageId: stageId,
          fromStatus: null,
          toStatus: 'open',
          actorId: actor.userId,
        });
        await recordAudit(tx, actor, { action: 'create', entity: 'opportunity', entityId: id, after: values });
        await events.publish(tx, {
          type: 'opportunity.opened',
          orgId: actor.orgId,
          customerId: customer.id,
          opportunityId: id,
          actorId: actor.userId,
          at: new Date(),
        });
      });
      return readBack(actor, id);
    },

    async update(actor: Actor, id: string, body: UpdateOpportunityBody): Promise<Opportunity> {
      const { version, customFields: customInput, ...changes } = body;
      const fields = {
        ...changes,
        ...(changes.name === undefined ? {} : { name: requiredText('name', changes.name) }),
      };
      await db.transaction(async (tx) => {
        const before = await lockOpportunity(tx, actor, id, version);
        if (changes.ownerId !== undefined && changes.ownerId !== before.ownerId)
          await assertAssignableOwner(tx, actor, changes.ownerId);
        const values =
          customInput === undefined
            ? fields
            : {
                ...fields,
                customFields: await checkCustomFieldValues(tx, actor, {
                  entity: 'opportunity',
                  input: customInput,
                  before: before.customFields,
                }),
              };
        if (!(await opportunitiesRepository.update(tx, { orgId: actor.orgId, id, version }, values)))
          throw staleVersion();
        const after = (await opportunitiesRepository.lockById(tx, actor, id))!;
        await audit.updated(tx, { actor, entityId: id, before, after });
      });
      return readBack(actor, id);
    },

    /** Soft delete; the stage log and decision chain stay for a restore. */
    async delete(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const before = await lockOpportunity(tx, actor, id);
        await opportunitiesRepository.update(
          tx,
          { orgId: actor.orgId, id, version: before.version },
          { deletedAt: new Date(), deletedBy: actor.userId },
        );
        await audit.deleted(tx, { actor, entityId: id, before });
      });
    },

    /** Brings an opportunity back from the trash whole (stage, status, log and decision chain). */
    async restore(actor: Actor, id: string): Promise<Opportunity> {
      await db.transaction(async (tx) => {
        const before = await opportunitiesRepository.lockById(tx, actor, id, { deleted: true });
        if (!before) throw notFound('entity.opportunity');
        await opportunitiesRepository.update(
          tx,
          { orgId: actor.orgId, id, version: before.version },
          { deletedAt: null, deletedBy: null },
        );
        await recordAudit(tx, actor, {
          action: 'restore',
          entity: 'opportunity',
          entityId: id,
          before: { deletedAt: before.deletedAt },
          after: { deletedAt: null },
        });
      });
      return readBack(actor, id);
    },

    async history(actor: Actor, id: string): Promise<OpportunityHistory> {
      if (!(await opportunitiesRepository.getById(db, actor, id))) throw notFound('entity.opportunity');
      const rows = await opportunitiesRepository.findStageChanges(db, actor.orgId, id);
      return {
        items: rows.map((r) => ({
          ...r,
          fromStatus: r.fromStatus as OpportunityStatus | null,
          toStatus: r.toStatus as OpportunityStatus,
          at: r.at.toISOString(),
        })),
      };
    },
  };
}
export type OpportunitiesService = ReturnType<typeof createOpportunitiesService>;
