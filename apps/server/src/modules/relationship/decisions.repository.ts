import { sql } from 'drizzle-orm';
import type { DeclineDecisionKind, LetGoTarget, RelationshipPhase, RelationshipReason } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { customers } from '../../platform/db/schema/index.js';
import { customerReadScope, ownedRecordScope, type ScopeActor } from '../../platform/scope/data-scope.js';

export interface DecisionRow {
  id: string;
  decision: DeclineDecisionKind;
  reason: string;
  letGoTo: LetGoTarget | null;
  checkOn: string | null;
  declineSince: Date | string;
  decidedById: string;
  decidedByName: string;
  decidedAt: Date | string;
  outcome: 'won_back' | null;
  outcomeAt: Date | string | null;
}

export interface RelationshipRow {
  customerId: string;
  name: string;
  ownerId: string | null;
  stage: string;
  phase: RelationshipPhase | null;
  since: Date | string | null;
  computedAt: Date | string | null;
  reason: RelationshipReason | string | null;
  expectedRepurchaseDays: number | null;
  lastFollowUpAt: Date | string | null;
}

/** SQL of a customer's relationship record and the decisions on its declines; reads and writes within the caller's scope. */
export const decisionsRepository = {
  /** The customer (read scope, or write scope with `forWrite`) with its phase row; null when out of scope. */
  async findRelationship(
    db: Executor,
    actor: ScopeActor,
    options: { customerId: string; forWrite?: boolean; decidedBy?: true },
  ): Promise<RelationshipRow | null> {
    // `decidedBy`: the answer to the caller's own decision, which may just have sent the customer
    // back to the pool (out of the caller's scope); the decision itself was checked against the scope.
    const scope = options.decidedBy
      ? sql`${customers.orgId} = ${actor.orgId}`
      : options.forWrite
        ? ownedRecordScope(actor, customers)
        : customerReadScope(actor, customers);
    const rows = await queryRows<RelationshipRow>(
      db,
      sql`select ${customers.id} as "customerId", ${customers.name} as name, ${customers.ownerId} as "ownerId",
                 ${customers.stage} as stage, p.phase, p.since, p.computed_at as "computedAt", p.reason,
                 p.expected_repurchase_days as "expectedRepurchaseDays", ${customers.lastFollowUpAt} as "lastFollowUpAt"
            from ${customers}
            left join customer_relationship_phases p on p.org_id = ${customers.orgId} and p.customer_id = ${customers.id}
           where ${scope} and ${customers.id} = ${options.customerId} and ${customers.deletedAt} is null
           ${options.forWrite ? sql`for update of customers` : sql``}`,
    );
    return rows[0] ?? null;
  },

  async findDecisions(db: Executor, options: { orgId: string; customerId: string }): Promise<DecisionRow[]> {
    return queryRows<DecisionRow>(
      db,
      sql`select d.id, d.decision, d.reason, d.let_go_to as "letGoTo", d.check_on::text as "checkOn",
                 d.decline_since as "declineSince", d.decided_by as "decidedById",
                 coalesce(u.display_name, '') as "decidedByName", d.decided_at as "decidedAt",
                 d.outcome, d.outcome_at as "outcomeAt"
            from decline_decisions d
            left join users u on u.org_id = d.org_id and u.id = d.decided_by
           where d.org_id = ${options.orgId} and d.customer_id = ${options.customerId}
           order by d.decided_at desc`,
    );
  },

  async insert(
    db: Executor,
    row: {
      orgId: string;
      id: string;
      customerId: string;
      declineSince: Date;
      decision: DeclineDecisionKind;
      reason: string;
      letGoTo: LetGoTarget | null;
      checkOn: string | null;
      decidedBy: string;
      decidedAt: Date;
    },
  ): Promise<boolean> {
    const rows = await queryRows(
      db,
      sql`insert into decline_decisions (org_id, id, customer_id, decline_since, decision, reason, let_go_to, check_on, decided_by, decided_at)
          values (${row.orgId}, ${row.id}, ${row.customerId}, ${row.declineSince.toISOString()}::timestamptz, ${row.decision},
                  ${row.reason}, ${row.letGoTo}, ${row.checkOn}::date, ${row.decidedBy}, ${row.decidedAt.toISOString()}::timestamptz)
          on conflict (org_id, customer_id, decline_since) do nothing returning id`,
    );
    return rows.length > 0;
  },

  /** Win-back decisions of customers that just left decline by buying again: they were won back. */
  async markWonBack(db: Executor, options: { orgId: string; customerIds: readonly string[]; at: Date }): Promise<void> {
    if (options.customerIds.length === 0) return;
    await db.execute(
      sql`update decline_decisions set outcome = 'won_back', outcome_at = ${options.at.toISOString()}::timestamptz
           where org_id = ${options.orgId} and decision = 'win_back' and outcome is null
             and customer_id = any(${`{${options.customerIds.join(',')}}`}::uuid[])`,
    );
  },

  /** Customers per phase and the decisions of a period, all within the reader's scope. */
  async summary(db: Executor, actor: ScopeActor, options: { from: Date; to: Date }) {
    const scope = ownedRecordScope(actor, customers);
    const phases = await queryRows<{ phase: RelationshipPhase | null; count: number; pending: number }>(
      db,
      sql`select ${customers.relationshipPhase} as phase, count(*)::int as count,
                 (count(*) filter (where ${customers.relationshipPhase} = 'decline' and ${customers.stage} <> 'lost' and not exists (
                    select 1 from customer_relationship_phases p
                      join decline_decisions d on d.org_id = p.org_id and d.customer_id = p.customer_id and d.decline_since = p.since
                     where p.org_id = ${customers.orgId} and p.customer_id = ${customers.id})))::int as pending
            from ${customers}
           where ${scope} and ${customers.deletedAt} is null
           group by 1`,
    );
    const decisions = await queryRows<{ winBack: number; wonBack: number; letGo: number }>(
      db,
      sql`select count(*) filter (where d.decision = 'win_back')::int as "winBack",
                 count(*) filter (where d.decision = 'win_back' and d.outcome = 'won_back')::int as "wonBack",
                 count(*) filter (where d.decision = 'let_go')::int as "letGo"
            from decline_decisions d join ${customers} on ${customers.orgId} = d.org_id and ${customers.id} = d.customer_id
           where ${scope} and d.decided_at >= ${options.from.toISOString()}::timestamptz
             and d.decided_at < ${options.to.toISOString()}::timestamptz`,
    );
    return { phases, decisions: decisions[0] ?? { winBack: 0, wonBack: 0, letGo: 0 } };
  },
};
