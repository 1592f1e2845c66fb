import type { Stage, StageStrategy } from '@guanxi/contract';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { customers, lifecycleStageStrategies } from '../../platform/db/schema/index.js';
import { firstRow } from '../../platform/db/row-reads.js';
import { ownedRecordScope, type ScopeActor } from '../../platform/scope/data-scope.js';

/** A customer as its follow-up cadence needs it. */
export interface CadenceCustomer {
  stage: Stage;
  lastFollowUpAt: Date | null;
  createdAt: Date;
}

/** Per-stage strategies (admin data of the organization) and the reads their rules need. */
export const stageStrategiesRepository = {
  async findAll(db: Executor, orgId: string): Promise<StageStrategy[]> {
    const rows = await db
      .select({
        stage: lifecycleStageStrategies.stage,
        followUpEveryDays: lifecycleStageStrategies.followUpEveryDays,
        defaultTasks: lifecycleStageStrategies.defaultTasks,
        firstOrderCare: lifecycleStageStrategies.firstOrderCare,
        returnVisitDays: lifecycleStageStrategies.returnVisitDays,
      })
      .from(lifecycleStageStrategies)
      .where(eq(lifecycleStageStrategies.orgId, orgId))
      .orderBy(asc(lifecycleStageStrategies.stage));
    return rows.map((r) => ({ ...r, stage: r.stage as Stage }));
  },

  async replaceAll(db: Executor, orgId: string, items: readonly StageStrategy[]): Promise<void> {
    await db.delete(lifecycleStageStrategies).where(eq(lifecycleStageStrategies.orgId, orgId));
    if (items.length === 0) return;
    await db.insert(lifecycleStageStrategies).values(items.map((s) => ({ orgId, ...s })));
  },

  /** A live customer within the caller's scope, or null (the caller answers 404). */
  async getCadenceCustomer(db: Executor, actor: ScopeActor, id: string): Promise<CadenceCustomer | null> {
    const row = await firstRow(
      db
        .select({ stage: customers.stage, lastFollowUpAt: customers.lastFollowUpAt, createdAt: customers.createdAt })
        .from(customers)
        .where(and(ownedRecordScope(actor, customers), eq(customers.id, id), isNull(customers.deletedAt))),
    );
    return row ? { ...row, stage: row.stage as Stage } : null;
  },
};
