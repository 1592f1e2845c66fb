import type {
  CustomerRelationship,
  DeclineDecisionBody,
  DeclineDecisionResult,
  RelationshipReason,
  RelationshipSettingsBody,
  RelationshipSummary,
  RelationshipSummaryQuery,
} from '@guanxi/contract';
import { RELATIONSHIP_PHASES } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { iso } from '../../platform/db/row-values.js';
import { AppError, invalidField, notFound } from '../../platform/errors/app-error.js';
import { addDays, orgTimeZone, startOfDate, todayIn } from '../../platform/time/index.js';
import { completeTodos } from '../notifications/index.js';
import { decisionsRepository, type DecisionRow, type RelationshipRow } from './decisions.repository.js';
import { DECLINE_KIND, recomputeCustomerPhase } from './phase-computation.js';
import { phasesRepository } from './phases.repository.js';
import { carryOutDecision } from './decision-actions.js';

const parseReason = (value: RelationshipRow['reason']): RelationshipReason | null =>
  value === null ? null : typeof value === 'string' ? (JSON.parse(value) as RelationshipReason) : value;

const sameInstant = (a: Date | string | null, b: Date | string | null) =>
  a !== null && b !== null && new Date(a).getTime() === new Date(b).getTime();

function present(row: RelationshipRow, decisions: DecisionRow[]): CustomerRelationship {
  return {
    customerId: row.customerId,
    phase: row.phase,
    since: iso(row.since),
    computedAt: iso(row.computedAt),
    reason: parseReason(row.reason),
    expectedRepurchaseDays: row.expectedRepurchaseDays,
    lastFollowUpAt: iso(row.lastFollowUpAt),
    // A customer already marked lost needs no decision: letting go has happened.
    decisionPending:
      row.phase === 'decline' && row.stage !== 'lost' && !decisions.some((d) => sameInstant(d.declineSince, row.since)),
    decisions: decisions.map((d) => ({
      id: d.id,
      decision: d.decision,
      reason: d.reason,
      letGoTo: d.letGoTo,
      checkOn: d.checkOn,
      declineSince: iso(d.declineSince)!,
      decidedById: d.decidedById,
      decidedByName: d.decidedByName,
      decidedAt: iso(d.decidedAt)!,
      outcome: d.outcome,
      outcomeAt: iso(d.outcomeAt),
    })),
  };
}

/** Checks the decision's own rules (which parts each kind needs) before anything is read or written. */
function assertDecisionBody(body: DeclineDecisionBody, today: string): void {
  if (body.reason.trim() === '') throw invalidField('reason', 'validation.required');
  if (body.strategy === 'win_back') {
    if (!body.tasks?.length) throw invalidField('tasks', 'validation.required');
    if (!body.checkOn) throw invalidField('checkOn', 'validation.required');
    if (body.checkOn < today) throw invalidField('checkOn', 'validation.notPast');
    const late = body.tasks.findIndex((t) => t.dueOn < today);
    if (late >= 0) throw invalidField(`tasks.${late}.dueOn`, 'validation.notPast');
  } else if (!body.letGoTo) throw invalidField('letGoTo', 'validation.required');
}

/** Relationship phases of customers and the decisions on the declining ones (seed 003). */
export function createRelationshipService({ db, clock = () => new Date() }: { db: Db; clock?: () => Date }) {
  async function read(
    executor: Executor,
    actor: Actor,
    customerId: string,
    options: { decidedBy?: true } = {},
  ): Promise<CustomerRelationship> {
    const row = await decisionsRepository.findRelationship(executor, actor, { customerId, ...options });
    if (!row) throw notFound('entity.customer');
    const decisions = await decisionsRepository.findDecisions(executor, { orgId: actor.orgId, customerId });
    return present(row, decisions);
  }

  return {
    get: (actor: Actor, customerId: string) => read(db, actor, customerId),

    /** The customer's own repurchase interval; the phase follows at once. */
    async putSettings(actor: Actor, customerId: string, body: RelationshipSettingsBody): Promise<CustomerRelationship> {
      return db.transaction(async (tx) => {
        const row = await decisionsRepository.findRelationship(tx, actor, { customerId, forWrite: true });
        if (!row) throw notFound('entity.customer');
        const now = clock();
        const days = body.expectedRepurchaseDays;
        await phasesRepository.setExpectedInterval(tx, { orgId: actor.orgId, customerId, days, at: now });
        await recomputeCustomerPhase(tx, { orgId: actor.orgId, customerId, now });
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'customer_relationship',
          entityId: customerId,
          before: { expectedRepurchaseDays: row.expectedRepurchaseDays },
          after: { expectedRepurchaseDays: days },
        });
        return read(tx, actor, customerId);
      });
    },

    /**
     * Win back (a task per step for the owner, and a check task on `checkOn`) or let go (to lost
     * through the lifecycle, with its approval rules, or back to the pool), once per decline stay,
     * all in one transaction with the decision's audit row.
     */
    async decide(actor: Actor, customerId: string, body: DeclineDecisionBody): Promise<DeclineDecisionResult> {
      const now = clock();
      const today = todayIn(await orgTimeZone(db, actor.orgId), now);
      const existing = await decisionsRepository.findRelationship(db, actor, { customerId, forWrite: true });
      if (!existing) throw notFound('entity.customer');
      assertDecisionBody(body, today);
      return db.transaction(async (tx) => {
        const row = await decisionsRepository.findRelationship(tx, actor, { customerId, forWrite: true });
        if (!row) throw notFound('entity.customer');
        if (row.phase !== 'decline' || row.since === null || row.stage === 'lost')
          throw new AppError('business_rule', 'error.relationshipNotDeclining');
        const id = newId();
        const reason = body.reason.trim();
        const decision = {
          orgId: actor.orgId,
          id,
          customerId,
          declineSince: new Date(row.since),
          decision: body.strategy,
          reason,
          letGoTo: body.strategy === 'let_go' ? body.letGoTo! : null,
          checkOn: body.strategy === 'win_back' ? body.checkOn! : null,
          decidedBy: actor.userId,
          decidedAt: now,
        };
        if (!(await decisionsRepository.insert(tx, decision)))
          throw new AppError('conflict', 'error.relationshipAlreadyDecided');
        await recordAudit(tx, actor, { action: 'create', entity: 'decline_decision', entityId: id, after: decision });
        const outcome = await carryOutDecision(tx, actor, { customer: row, body: { ...body, reason } });
        await completeTodos(tx, { orgId: actor.orgId, entity: 'customer', entityId: customerId, kind: DECLINE_KIND });
        return { relationship: await read(tx, actor, customerId, { decidedBy: true }), ...outcome };
      });
    },

    async summary(actor: Actor, query: RelationshipSummaryQuery): Promise<RelationshipSummary> {
      const timeZone = await orgTimeZone(db, actor.orgId);
      const to = query.decidedTo ?? todayIn(timeZone, clock());
      const from = query.decidedFrom ?? addDays(to, -364);
      if (from > to) throw invalidField('decidedFrom', 'validation.invalid');
      const range = { from: startOfDate(from, timeZone), to: startOfDate(addDays(to, 1), timeZone) };
      const { phases, decisions } = await decisionsRepository.summary(db, actor, range);
      const countOf = (phase: string) => phases.find((p) => p.phase === phase)?.count ?? 0;
      return {
        phases: RELATIONSHIP_PHASES.map((phase) => ({ phase, count: countOf(phase) })),
        notComputed: phases.find((p) => p.phase === null)?.count ?? 0,
        pendingDecision: phases.find((p) => p.phase === 'decline')?.pending ?? 0,
        ...decisions,
        from,
        to,
      };
    },
  };
}
