import type {
  CloseOpportunityBody,
  DecisionChain,
  DecisionRole,
  LoseOpportunityBody,
  Attitude,
  MoveOpportunityStageBody,
  Opportunity,
  PutDecisionChainBody,
  WinOpportunityBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import type { EventBus } from '../../platform/events/index.js';
import { competitorsRepository } from './competitors.repository.js';
import { decisionChainRepository } from './decision-chain.repository.js';
import { ensureDefaultLossReasons } from './loss-reasons.defaults.js';
import { lossReasonsRepository } from './loss-reasons.repository.js';
import { opportunitiesRepository } from './opportunities.repository.js';
import { assertOpen, auditedState, lockOpportunity, requiredText, toOpportunity } from './opportunities.values.js';
import { salesProcessesRepository } from './sales-processes.repository.js';

type ClosedStatus = 'won' | 'lost' | 'invalid';
interface Loss {
  lossReasonId: string;
  lostToCompetitorId: string | null;
  /** The stage log's reason: the loss reason's name, and the note after it. */
  logText: string;
}

/** A live loss reason, and a live competitor when the reason requires one (or one is given). */
async function lossOf(
  tx: Executor,
  options: { orgId: string; body: LoseOpportunityBody; note: string | null },
): Promise<Loss> {
  const { orgId, body, note } = options;
  if (body.lossReasonId === undefined) throw invalidField('lossReasonId', 'validation.required');
  await ensureDefaultLossReasons(tx, orgId);
  const reason = await lossReasonsRepository.getLive(tx, orgId, body.lossReasonId);
  if (!reason) throw invalidField('lossReasonId', 'validation.invalid');
  const competitorId = body.competitorId ?? null;
  if (competitorId === null && reason.requiresCompetitor) throw invalidField('competitorId', 'validation.required');
  if (competitorId !== null && !(await competitorsRepository.findLiveIds(tx, orgId, [competitorId])).has(competitorId))
    throw invalidField('competitorId', 'validation.invalid');
  return {
    lossReasonId: reason.id,
    lostToCompetitorId: competitorId,
    logText: note ? `${reason.name}：${note}` : reason.name,
  };
}

/** Moving an opportunity along its process, closing it, and its decision chain. */
export function createOpportunityProgressService({ db, events }: { db: Db; events: EventBus }) {
  const readBack = async (actor: Actor, id: string): Promise<Opportunity> => {
    const row = await opportunitiesRepository.getById(db, actor, id);
    if (!row) throw notFound('entity.opportunity');
    return toOpportunity(row, actor);
  };

  const close = async (
    actor: Actor,
    id: string,
    options: {
      status: ClosedStatus;
      reason: string | null;
      version?: number | undefined;
      /** A lost opportunity's reason and competitor, checked after the opportunity is found and open. */
      loss?: (tx: Executor) => Promise<Loss>;
    },
  ) => {
    await db.transaction(async (tx) => {
      const before = await lockOpportunity(tx, actor, id, options.version);
      assertOpen(before);
      const loss = options.loss ? await options.loss(tx) : null;
      const closedAt = new Date();
      const changes = {
        status: options.status,
        closeReason: options.reason,
        closedAt,
        closedBy: actor.userId,
        ...(loss && { lossReasonId: loss.lossReasonId, lostToCompetitorId: loss.lostToCompetitorId }),
      };
      if (!(await opportunitiesRepository.update(tx, { orgId: actor.orgId, id, version: before.version }, changes)))
        throw staleVersion();
      await opportunitiesRepository.insertStageChange(tx, {
        orgId: actor.orgId,
        id: newId(),
        opportunityId: id,
        fromStageId: before.stageId,
        toStageId: before.stageId,
        fromStatus: before.status,
        toStatus: options.status,
        reason: loss ? loss.logText : options.reason,
        actorId: actor.userId,
        at: closedAt,
      });
      await recordAudit(tx, actor, {
        action: options.status,
        entity: 'opportunity',
        entityId: id,
        before: auditedState(before),
        after: {
          ...auditedState(before),
          status: options.status,
          closeReason: options.reason,
          ...(loss && { lossReasonId: loss.lossReasonId, lostToCompetitorId: loss.lostToCompetitorId }),
          version: before.version + 1,
        },
      });
      if (options.status === 'won') {
        await events.publish(tx, {
          type: 'opportunity.won',
          orgId: actor.orgId,
          customerId: before.customerId,
          opportunityId: id,
          amountFen: before.amountFen,
          currency: before.currency,
          actorId: actor.userId,
          at: closedAt,
        });
      }
    });
    return readBack(actor, id);
  };

  const getDecisionChain = async (actor: Actor, id: string): Promise<DecisionChain> => {
    if (!(await opportunitiesRepository.getById(db, actor, id))) throw notFound('entity.opportunity');
    const rows = await decisionChainRepository.findByOpportunity(db, actor.orgId, id);
    return { items: rows.map((r) => ({ ...r, role: r.role as DecisionRole, attitude: r.attitude as Attitude })) };
  };

  return {
    /** Drag on the board: another stage of the same process, logged from → to. */
    async moveStage(actor: Actor, id: string, body: MoveOpportunityStageBody): Promise<Opportunity> {
      await db.transaction(async (tx) => {
        const before = await lockOpportunity(tx, actor, id, body.version);
        assertOpen(before);
        const stage = await salesProcessesRepository.getStage(tx, actor.orgId, body.stageId);
        if (!stage || stage.processId !== before.processId) {
          throw new AppError('validation', 'error.stageOfOtherProcess', {
            fields: [{ field: 'stageId', key: 'validation.invalid' }],
          });
        }
        if (stage.id === before.stageId) return;
        await opportunitiesRepository.update(
          tx,
          { orgId: actor.orgId, id, version: before.version },
          { stageId: stage.id },
        );
        await opportunitiesRepository.insertStageChange(tx, {
          orgId: actor.orgId,
          id: newId(),
          opportunityId: id,
          fromStageId: before.stageId,
          toStageId: stage.id,
          fromStatus: 'open',
          toStatus: 'open',
          actorId: actor.userId,
        });
        await recordAudit(tx, actor, {
          action: 'stage_change',
          entity: 'opportunity',
          entityId: id,
          before: { stageId: before.stageId, version: before.version },
          after: { stageId: stage.id, version: before.version + 1 },
        });
      });
      return readBack(actor, id);
    },

    /** Winning publishes `opportunity.won`; the comment is optional. */
    win: (actor: Actor, id: string, body: WinOpportunityBody) =>
      close(actor, id, { status: 'won', reason: body.comment?.trim() || null, version: body.version }),
    /** Losing needs a loss reason, and the competitor when the reason requires one; the note is optional. */
    lose: (actor: Actor, id: string, body: LoseOpportunityBody) => {
      const note = body.note?.trim() || null;
      return close(actor, id, {
        status: 'lost',
        reason: note,
        version: body.version,
        loss: (tx) => lossOf(tx, { orgId: actor.orgId, body, note }),
      });
    },
    invalidate: (actor: Actor, id: string, body: CloseOpportunityBody) =>
      close(actor, id, { status: 'invalid', reason: requiredText('reason', body.reason), version: body.version }),

    getDecisionChain,

    /** Replaces the chain; each contact must be a live contact of the opportunity's customer (security A5). */
    async putDecisionChain(actor: Actor, id: string, body: PutDecisionChainBody): Promise<DecisionChain> {
      await db.transaction(async (tx) => {
        const opportunity = await lockOpportunity(tx, actor, id);
        const contactIds = body.items.map((item) => item.contactId);
        const seen = new Set<string>();
        const known = await decisionChainRepository.findCustomerContactIds(tx, {
          orgId: actor.orgId,
          customerId: opportunity.customerId,
          contactIds,
        });
        body.items.forEach((item, i) => {
          if (!known.has(item.contactId) || seen.has(item.contactId))
            throw invalidField(`items.${i}.contactId`, 'validation.invalid');
          seen.add(item.contactId);
        });
        const before = await decisionChainRepository.findByOpportunity(tx, actor.orgId, id);
        const rows = body.items.map((item) => ({
          orgId: actor.orgId,
          id: newId(),
          opportunityId: id,
          contactId: item.contactId,
          role: item.role,
          attitude: item.attitude,
          remarks: item.remarks?.trim() || null,
        }));
        await decisionChainRepository.replace(tx, { orgId: actor.orgId, opportunityId: id }, rows);
        await recordAudit(tx, actor, {
          action: 'decision_chain',
          entity: 'opportunity',
          entityId: id,
          before: before.map(({ contactId, role, attitude, remarks }) => ({ contactId, role, attitude, remarks })),
          after: body.items,
        });
      });
      return getDecisionChain(actor, id);
    },
  };
}
export type OpportunityProgressService = ReturnType<typeof createOpportunityProgressService>;
