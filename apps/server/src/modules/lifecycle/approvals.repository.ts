import type { StageRequestStatus } from '@guanxi/contract';
import { and, desc, eq, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { customers, stageTransitionRequests } from '../../platform/db/schema/index.js';
import { byKey, columnsEqual, firstRow, hasRow } from '../../platform/db/row-reads.js';

const requestColumns = {
  orgId: stageTransitionRequests.orgId,
  id: stageTransitionRequests.id,
  customerId: stageTransitionRequests.customerId,
  customerName: customers.name,
  fromStage: stageTransitionRequests.fromStage,
  toStage: stageTransitionRequests.toStage,
  reason: stageTransitionRequests.reason,
  status: stageTransitionRequests.status,
  requestedBy: stageTransitionRequests.requestedBy,
  requestedAt: stageTransitionRequests.requestedAt,
  approverIds: stageTransitionRequests.approverIds,
  decidedBy: stageTransitionRequests.decidedBy,
  decidedAt: stageTransitionRequests.decidedAt,
  comment: stageTransitionRequests.comment,
};
export interface RequestRow {
  orgId: string;
  id: string;
  customerId: string;
  customerName: string;
  fromStage: string;
  toStage: string;
  reason: string;
  status: string;
  requestedBy: string;
  requestedAt: Date;
  approverIds: string[];
  decidedBy: string | null;
  decidedAt: Date | null;
  comment: string | null;
}
const customerJoin = and(
  eq(customers.orgId, stageTransitionRequests.orgId),
  eq(customers.id, stageTransitionRequests.customerId),
);
/** Requests with their customer's name, as every read shows them. */
const selectRequests = (db: Executor) =>
  db.select(requestColumns).from(stageTransitionRequests).innerJoin(customers, customerJoin);
const isApprover = (userId: string) => sql`${userId}::uuid = any(${stageTransitionRequests.approverIds})`;
const holdsPermission = (permission: string) => sql`exists (
  select 1 from user_roles ur join roles r on r.org_id = ur.org_id and r.id = ur.role_id
   where ur.org_id = u.org_id and ur.user_id = u.id and r.permissions @> ${JSON.stringify([permission])}::jsonb)`;

/** SQL of stage-change requests. A request is visible only to its requester and its approvers. */
export const approvalsRepository = {
  /**
   * Who approves a move of this owner's customer: the owner's direct manager when active and
   * holding lifecycle.approve; otherwise (no owner, no manager, or a manager without the right)
   * every active user holding lifecycle.manage, i.e. the lifecycle administrators.
   */
  async findApprovers(db: Executor, key: { orgId: string; ownerId: string | null }): Promise<string[]> {
    if (key.ownerId) {
      const managers = await queryRows<{ id: string }>(
        db,
        sql`select u.id from users o join users u on u.org_id = o.org_id and u.id = o.manager_id
             where o.org_id = ${key.orgId} and o.id = ${key.ownerId} and not u.disabled and ${holdsPermission('lifecycle.approve')}`,
      );
      if (managers.length > 0) return managers.map((m) => m.id);
    }
    const admins = await queryRows<{ id: string }>(
      db,
      sql`select u.id from users u where u.org_id = ${key.orgId} and not u.disabled and ${holdsPermission('lifecycle.manage')}
           order by u.id limit 50`,
    );
    return admins.map((a) => a.id);
  },

  async insert(db: Executor, row: typeof stageTransitionRequests.$inferInsert): Promise<void> {
    await db.insert(stageTransitionRequests).values(row);
  },

  async hasPending(db: Executor, key: { orgId: string; customerId: string }): Promise<boolean> {
    const { orgId, customerId } = key;
    return hasRow(
      db,
      stageTransitionRequests,
      columnsEqual(stageTransitionRequests, { orgId, customerId, status: 'pending' }),
    );
  },

  async getById(db: Executor, key: { orgId: string; id: string }): Promise<RequestRow | null> {
    return firstRow(selectRequests(db).where(byKey(stageTransitionRequests, key)));
  },

  /** A request locked for applying the approvals engine's decision. */
  async lockById(db: Executor, key: { orgId: string; id: string }): Promise<RequestRow | null> {
    return firstRow(
      selectRequests(db).where(byKey(stageTransitionRequests, key)).for('update', { of: stageTransitionRequests }),
    );
  },

  /** The engine's approvers of the first step, so requesters and approvers find the record. */
  async setApprovers(db: Executor, key: { orgId: string; id: string }, approverIds: string[]): Promise<void> {
    await db.update(stageTransitionRequests).set({ approverIds }).where(byKey(stageTransitionRequests, key));
  },

  /** Requests the user made or must decide, newest first. */
  async findForUser(
    db: Executor,
    key: { orgId: string; userId: string; status?: StageRequestStatus | undefined },
  ): Promise<RequestRow[]> {
    const conditions = [
      eq(stageTransitionRequests.orgId, key.orgId),
      or(eq(stageTransitionRequests.requestedBy, key.userId), isApprover(key.userId)),
    ];
    if (key.status) conditions.push(eq(stageTransitionRequests.status, key.status));
    return selectRequests(db)
      .where(and(...conditions))
      .orderBy(desc(stageTransitionRequests.id))
      .limit(200);
  },

  async decide(
    db: Executor,
    key: { orgId: string; id: string },
    decision: { status: 'approved' | 'rejected' | 'cancelled'; decidedBy: string | null; comment: string | null },
  ): Promise<void> {
    await db
      .update(stageTransitionRequests)
      .set({ status: decision.status, decidedBy: decision.decidedBy, decidedAt: sql`now()`, comment: decision.comment })
      .where(byKey(stageTransitionRequests, key));
  },

  /** Any stage change makes the customer's other pending requests moot; returns their ids. */
  async cancelPending(
    db: Executor,
    key: { orgId: string; customerId: string; exceptId: string | null },
  ): Promise<string[]> {
    const conditions = [
      eq(stageTransitionRequests.orgId, key.orgId),
      eq(stageTransitionRequests.customerId, key.customerId),
      eq(stageTransitionRequests.status, 'pending'),
    ];
    if (key.exceptId) conditions.push(ne(stageTransitionRequests.id, key.exceptId));
    const rows = await db
      .update(stageTransitionRequests)
      .set({ status: 'cancelled', decidedAt: sql`now()` })
      .where(and(...conditions))
      .returning({ id: stageTransitionRequests.id });
    return rows.map((r) => r.id);
  },
};
