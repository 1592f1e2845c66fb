import type { Stage } from '@guanxi/contract';
import { insertRowsAsJson } from '../../platform/db/bulk-insert.js';
import { and, asc, desc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.js';
import { customers, stageTransitions, users } from '../../platform/db/schema/index.js';
import { ownedRecordScope, type ScopeActor } from '../../platform/scope/data-scope.js';
import { byKey, columnsEqual } from '../../platform/db/row-reads.js';

/** What the lifecycle needs of a customer. */
export interface StageCustomer {
  orgId: string;
  id: string;
  name: string;
  stage: Stage;
  stageEnteredAt: Date;
  ownerId: string | null;
}

const customerColumns = {
  orgId: customers.orgId,
  id: customers.id,
  name: customers.name,
  stage: customers.stage,
  stageEnteredAt: customers.stageEnteredAt,
  ownerId: customers.ownerId,
};
const asStageCustomer = (row: typeof customers.$inferSelect | Record<string, unknown>) =>
  row as unknown as StageCustomer;

/** A log row as the API shows it; the board's trigger-filled columns stay internal. */
export type TransitionRow = Omit<typeof stageTransitions.$inferSelect, 'ownerKey' | 'previousStaySeconds'> & {
  actorName: string | null;
  approverName: string | null;
};

/** SQL for the customer's stage columns and the append-only transition log. */
export const transitionsRepository = {
  /** A live customer within the caller's scope, or null (callers answer 404). */
  async getCustomer(db: Executor, actor: ScopeActor, id: string): Promise<StageCustomer | null> {
    const rows = await db
      .select(customerColumns)
      .from(customers)
      .where(and(ownedRecordScope(actor, customers), eq(customers.id, id), isNull(customers.deletedAt)));
    return rows[0] ? asStageCustomer(rows[0]) : null;
  },

  /** A live customer's stage now, without a user scope (approval cards; the engine checked the reader). */
  async getStage(db: Executor, key: { orgId: string; id: string }): Promise<Stage | null> {
    const rows = await db
      .select({ stage: customers.stage })
      .from(customers)
      .where(and(eq(customers.orgId, key.orgId), eq(customers.id, key.id), isNull(customers.deletedAt)));
    return (rows[0]?.stage as Stage | undefined) ?? null;
  },

  /**
   * Locks a live customer for the rest of the transaction. With `scope` only within the caller's
   * data scope; without it this is the system read used by rules, jobs and approvals.
   */
  async lockCustomer(
    db: Executor,
    key: { orgId: string; id: string; scope?: ScopeActor },
  ): Promise<StageCustomer | null> {
    const visible = key.scope ? ownedRecordScope(key.scope, customers) : eq(customers.orgId, key.orgId);
    const rows = await db
      .select(customerColumns)
      .from(customers)
      .where(and(visible, eq(customers.orgId, key.orgId), eq(customers.id, key.id), isNull(customers.deletedAt)))
      .for('update');
    return rows[0] ? asStageCustomer(rows[0]) : null;
  },

  /** The one write of `customers.stage` after creation; bumps the version like any edit. */
  async updateStage(db: Executor, key: { orgId: string; id: string }, stage: Stage, at: Date): Promise<void> {
    await db
      .update(customers)
      .set({ stage, stageEnteredAt: at, updatedAt: sql`now()`, version: sql`${customers.version} + 1` })
      .where(byKey(customers, key));
  },

  async insertTransition(db: Executor, row: typeof stageTransitions.$inferInsert): Promise<void> {
    await db.insert(stageTransitions).values(row);
  },

  /** Many customers at once (an import batch), locked like {@link lockCustomer}. */
  async lockCustomers(db: Executor, key: { orgId: string; ids: readonly string[] }): Promise<StageCustomer[]> {
    if (key.ids.length === 0) return [];
    const rows = await db
      .select(customerColumns)
      .from(customers)
      .where(and(eq(customers.orgId, key.orgId), inArray(customers.id, [...key.ids]), isNull(customers.deletedAt)))
      .orderBy(customers.id)
      .for('update');
    return rows.map(asStageCustomer);
  },

  async insertTransitions(db: Executor, rows: Array<typeof stageTransitions.$inferInsert>): Promise<void> {
    // An import batch writes hundreds at once: one JSON parameter rather than a parameter per cell.
    await insertRowsAsJson(db, stageTransitions, rows);
  },

  /** The log of one customer, oldest first, with the names of the people involved. */
  async findByCustomer(db: Executor, orgId: string, customerId: string): Promise<TransitionRow[]> {
    const actor = alias(users, 'actor');
    const approver = alias(users, 'approver');
    return db
      .select({
        orgId: stageTransitions.orgId,
        id: stageTransitions.id,
        customerId: stageTransitions.customerId,
        fromStage: stageTransitions.fromStage,
        toStage: stageTransitions.toStage,
        at: stageTransitions.at,
        actorId: stageTransitions.actorId,
        ruleId: stageTransitions.ruleId,
        reason: stageTransitions.reason,
        approverId: stageTransitions.approverId,
        triggeringEvent: stageTransitions.triggeringEvent,
        triggeringEntityId: stageTransitions.triggeringEntityId,
        requestId: stageTransitions.requestId,
        actorName: actor.displayName,
        approverName: approver.displayName,
      })
      .from(stageTransitions)
      .leftJoin(actor, and(eq(actor.orgId, stageTransitions.orgId), eq(actor.id, stageTransitions.actorId)))
      .leftJoin(approver, and(eq(approver.orgId, stageTransitions.orgId), eq(approver.id, stageTransitions.approverId)))
      .where(columnsEqual(stageTransitions, { orgId, customerId }))
      .orderBy(asc(stageTransitions.at), asc(stageTransitions.id))
      .limit(1000);
  },

  /** The stage a customer came from when it last moved into a purchase stage from outside them. */
  async findStageBeforePurchase(db: Executor, key: { orgId: string; customerId: string }): Promise<Stage | null> {
    const rows = await db
      .select({ from: stageTransitions.fromStage })
      .from(stageTransitions)
      .where(
        and(
          columnsEqual(stageTransitions, { orgId: key.orgId, customerId: key.customerId }),
          sql`${stageTransitions.toStage} in ('first_purchase', 'repeat')`,
          sql`${stageTransitions.fromStage} is not null`,
          notInArray(stageTransitions.fromStage, ['first_purchase', 'repeat']),
        ),
      )
      .orderBy(desc(stageTransitions.at), desc(stageTransitions.id))
      .limit(1);
    return (rows[0]?.from as Stage | undefined) ?? null;
  },
};
