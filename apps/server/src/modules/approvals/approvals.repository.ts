import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { keysetAfter } from '../../platform/db/keyset.js';
import { queryRows } from '../../platform/db/query.js';
import { columnsEqual, firstRow, hasRow } from '../../platform/db/row-reads.js';
import {
  approvalDecisions,
  approvalFlows,
  approvalRequests,
  customers,
  roles,
  todos,
  users,
} from '../../platform/db/schema/index.js';

export type FlowRow = typeof approvalFlows.$inferSelect;
export type RequestRow = typeof approvalRequests.$inferSelect;
export type DecisionRow = typeof approvalDecisions.$inferSelect;
export interface EntityKey {
  entityType: string;
  entityId: string;
  businessType?: string | undefined;
}

const isCurrentApprover = (userId: string) => sql`${userId}::uuid = any(${approvalRequests.currentApproverIds})`;
const hasDecided = (userId: string) => sql`exists (
  select 1 from approval_decisions d
   where d.org_id = ${approvalRequests.orgId} and d.request_id = ${approvalRequests.id} and d.approver_id = ${userId}::uuid)`;

/** A request by id, for reading or locking. */
const selectRequest = (db: Executor, key: { orgId: string; id: string }) =>
  db
    .select()
    .from(approvalRequests)
    .where(columnsEqual(approvalRequests, { orgId: key.orgId, id: key.id }));

/** All SQL of approval flows, requests and decisions, plus the approver look-ups on users and roles. */
export const approvalsRepository = {
  async findFlows(db: Executor, orgId: string): Promise<FlowRow[]> {
    return db.select().from(approvalFlows).where(eq(approvalFlows.orgId, orgId));
  },

  async findFlow(db: Executor, key: { orgId: string; businessType: string }): Promise<FlowRow | null> {
    return firstRow(
      db
        .select()
        .from(approvalFlows)
        .where(columnsEqual(approvalFlows, { orgId: key.orgId, businessType: key.businessType })),
    );
  },

  async insertFlow(db: Executor, row: typeof approvalFlows.$inferInsert): Promise<FlowRow | null> {
    return firstRow(db.insert(approvalFlows).values(row).onConflictDoNothing().returning());
  },

  /** Null when the version is stale. */
  async updateFlow(
    db: Executor,
    key: { orgId: string; id: string; version: number },
    values: Pick<FlowRow, 'name' | 'enabled' | 'steps' | 'updatedBy'>,
  ): Promise<FlowRow | null> {
    return firstRow(
      db
        .update(approvalFlows)
        .set({ ...values, updatedAt: sql`now()`, version: sql`${approvalFlows.version} + 1` })
        .where(
          and(eq(approvalFlows.orgId, key.orgId), eq(approvalFlows.id, key.id), eq(approvalFlows.version, key.version)),
        )
        .returning(),
    );
  },

  /** Null when another pending request for the same entity won the race (partial unique index). */
  async insertRequest(db: Executor, row: typeof approvalRequests.$inferInsert): Promise<RequestRow | null> {
    return firstRow(db.insert(approvalRequests).values(row).onConflictDoNothing().returning());
  },

  async hasPending(db: Executor, key: { orgId: string } & EntityKey): Promise<boolean> {
    return hasRow(db, approvalRequests, and(entityConditions(key), eq(approvalRequests.status, 'pending')));
  },

  async getRequest(db: Executor, key: { orgId: string; id: string }): Promise<RequestRow | null> {
    return firstRow(selectRequest(db, key));
  },

  async lockRequest(db: Executor, key: { orgId: string; id: string }): Promise<RequestRow | null> {
    return firstRow(selectRequest(db, key).for('update'));
  },

  async lockPendingFor(db: Executor, key: { orgId: string } & EntityKey): Promise<RequestRow[]> {
    return db
      .select()
      .from(approvalRequests)
      .where(and(entityConditions(key), eq(approvalRequests.status, 'pending')))
      .for('update');
  },

  async latestFor(db: Executor, key: { orgId: string } & EntityKey): Promise<RequestRow | null> {
    return firstRow(
      db
        .select()
        .from(approvalRequests)
        .where(entityConditions(key))
        .orderBy(desc(approvalRequests.submittedAt), desc(approvalRequests.id))
        .limit(1),
    );
  },

  /** The newest request of each given business type on one entity, in one query (id, type and status only). */
  async latestStatuses(
    db: Executor,
    key: { orgId: string; entityType: string; entityId: string; businessTypes: readonly string[] },
  ): Promise<{ id: string; businessType: string; status: string }[]> {
    if (key.businessTypes.length === 0) return [];
    return db
      .selectDistinctOn([approvalRequests.businessType], {
        id: approvalRequests.id,
        businessType: approvalRequests.businessType,
        status: approvalRequests.status,
      })
      .from(approvalRequests)
      .where(and(entityConditions(key), inArray(approvalRequests.businessType, [...key.businessTypes])))
      .orderBy(approvalRequests.businessType, desc(approvalRequests.submittedAt), desc(approvalRequests.id));
  },

  async updateRequest(
    db: Executor,
    key: { orgId: string; id: string },
    values: Partial<Pick<RequestRow, 'steps' | 'currentStep' | 'currentApproverIds' | 'status' | 'decidedAt'>>,
  ): Promise<RequestRow> {
    const rows = await db
      .update(approvalRequests)
      .set({ ...values, version: sql`${approvalRequests.version} + 1` })
      .where(and(eq(approvalRequests.orgId, key.orgId), eq(approvalRequests.id, key.id)))
      .returning();
    return rows[0]!;
  },

  /** False when this approver already decided this step (the unique key answers the race). */
  async insertDecision(db: Executor, row: typeof approvalDecisions.$inferInsert): Promise<boolean> {
    const rows = await db
      .insert(approvalDecisions)
      .values(row)
      .onConflictDoNothing()
      .returning({ id: approvalDecisions.id });
    return rows.length > 0;
  },

  async findDecisions(db: Executor, key: { orgId: string; requestId: string }): Promise<DecisionRow[]> {
    return db
      .select()
      .from(approvalDecisions)
      .where(columnsEqual(approvalDecisions, { orgId: key.orgId, requestId: key.requestId }))
      .orderBy(asc(approvalDecisions.at), asc(approvalDecisions.id));
  },

  async hasDecided(db: Executor, key: { orgId: string; requestId: string; userId: string }): Promise<boolean> {
    const { orgId, requestId, userId } = key;
    return hasRow(db, approvalDecisions, columnsEqual(approvalDecisions, { orgId, requestId, approverId: userId }));
  },

  /** One page of requests of a box, newest first; `box` 'all' is the approvals administrators' view. */
  async findPage(
    db: Executor,
    key: { orgId: string; userId: string; box: 'todo' | 'submitted' | 'decided' | 'all' },
    filters: { status?: string | undefined; businessType?: string | undefined },
    page: { after: { value: string; id: string } | null; limit: number },
  ) {
    const conditions: (SQL | undefined)[] = [eq(approvalRequests.orgId, key.orgId)];
    if (key.box === 'todo') conditions.push(eq(approvalRequests.status, 'pending'), isCurrentApprover(key.userId));
    if (key.box === 'submitted') conditions.push(eq(approvalRequests.submittedBy, key.userId));
    if (key.box === 'decided') conditions.push(hasDecided(key.userId));
    if (filters.status) conditions.push(eq(approvalRequests.status, filters.status));
    if (filters.businessType) conditions.push(eq(approvalRequests.businessType, filters.businessType));
    if (page.after) {
      const { submittedAt, id } = approvalRequests;
      conditions.push(
        keysetAfter({ sort: submittedAt, id, cursor: page.after, cast: 'timestamptz', descending: true }),
      );
    }
    return db
      .select({
        request: approvalRequests,
        customerName: customers.name,
        submitterName: users.displayName,
        submittedAtText: sql<string>`${approvalRequests.submittedAt}::text`,
      })
      .from(approvalRequests)
      .leftJoin(
        customers,
        and(eq(customers.orgId, approvalRequests.orgId), eq(customers.id, approvalRequests.customerId)),
      )
      .innerJoin(users, and(eq(users.orgId, approvalRequests.orgId), eq(users.id, approvalRequests.submittedBy)))
      .where(and(...conditions))
      .orderBy(desc(approvalRequests.submittedAt), desc(approvalRequests.id))
      .limit(page.limit + 1);
  },

  /**
   * Closes one approver's open to-do for the request (an "all" step where the others must still
   * act); the notifications module only closes a to-do for every holder at once.
   */
  async closeOwnTodo(
    db: Executor,
    key: { orgId: string; requestId: string; userId: string; kind: string },
  ): Promise<void> {
    const { orgId, userId, requestId, kind } = key;
    const todo = columnsEqual(todos, { orgId, userId, entity: 'approval_request', entityId: requestId, kind });
    await db
      .update(todos)
      .set({ doneAt: sql`now()` })
      .where(and(todo, sql`${todos.doneAt} is null`));
  },

  async customerName(db: Executor, key: { orgId: string; id: string | null }): Promise<string | null> {
    if (!key.id) return null;
    const row = await firstRow(
      db
        .select({ name: customers.name })
        .from(customers)
        .where(columnsEqual(customers, { orgId: key.orgId, id: key.id })),
    );
    return row?.name ?? null;
  },

  async userNames(db: Executor, key: { orgId: string; ids: readonly string[] }): Promise<Map<string, string>> {
    if (key.ids.length === 0) return new Map();
    const rows = await db
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(and(eq(users.orgId, key.orgId), inArray(users.id, [...new Set(key.ids)])));
    return new Map(rows.map((r) => [r.id, r.displayName]));
  },

  /**
   * The submitter's manager chain upwards (direct manager first), at most `depth` long, with each
   * manager's disabled flag; a cycle guard stops at users already seen.
   */
  async managerChain(
    db: Executor,
    key: { orgId: string; userId: string; depth: number },
  ): Promise<{ id: string; disabled: boolean }[]> {
    return queryRows<{ id: string; disabled: boolean }>(
      db,
      sql`with recursive chain(id, disabled, depth, path) as (
            select m.id, m.disabled, 1, array[u.id, m.id]
              from users u join users m on m.org_id = u.org_id and m.id = u.manager_id
             where u.org_id = ${key.orgId} and u.id = ${key.userId}
            union all
            select m.id, m.disabled, c.depth + 1, c.path || m.id
              from chain c join users u on u.org_id = ${key.orgId} and u.id = c.id
              join users m on m.org_id = u.org_id and m.id = u.manager_id
             where c.depth < ${key.depth} and not m.id = any(c.path))
          select id, disabled from chain order by depth`,
    );
  },

  /** Enabled holders of a role, by id. */
  async enabledRoleHolders(db: Executor, key: { orgId: string; roleId: string }): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select u.id from user_roles ur join users u on u.org_id = ur.org_id and u.id = ur.user_id
           where ur.org_id = ${key.orgId} and ur.role_id = ${key.roleId} and not u.disabled order by u.id`,
    );
    return rows.map((r) => r.id);
  },

  /** Enabled holders of the role with this code (e.g. 'admin'). */
  async enabledRoleCodeHolders(db: Executor, key: { orgId: string; code: string }): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select u.id from user_roles ur join roles r on r.org_id = ur.org_id and r.id = ur.role_id
            join users u on u.org_id = ur.org_id and u.id = ur.user_id
           where ur.org_id = ${key.orgId} and r.code = ${key.code} and not u.disabled order by u.id limit 50`,
    );
    return rows.map((r) => r.id);
  },

  async enabledUsers(db: Executor, key: { orgId: string; ids: readonly string[] }): Promise<string[]> {
    if (key.ids.length === 0) return [];
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, key.orgId), inArray(users.id, [...key.ids]), eq(users.disabled, false)));
    const found = new Set(rows.map((r) => r.id));
    return key.ids.filter((id) => found.has(id));
  },

  async existingUserIds(db: Executor, key: { orgId: string; ids: readonly string[] }): Promise<Set<string>> {
    if (key.ids.length === 0) return new Set();
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, key.orgId), inArray(users.id, [...key.ids])));
    return new Set(rows.map((r) => r.id));
  },

  async roleIdByCode(db: Executor, key: { orgId: string; code: string }): Promise<string | null> {
    const row = await firstRow(
      db
        .select({ id: roles.id })
        .from(roles)
        .where(columnsEqual(roles, { orgId: key.orgId, code: key.code })),
    );
    return row?.id ?? null;
  },

  async roleExists(db: Executor, key: { orgId: string; id: string }): Promise<boolean> {
    return hasRow(db, roles, columnsEqual(roles, { orgId: key.orgId, id: key.id }));
  },
};

function entityConditions(key: { orgId: string } & EntityKey): SQL {
  return and(
    eq(approvalRequests.orgId, key.orgId),
    eq(approvalRequests.entityType, key.entityType),
    eq(approvalRequests.entityId, key.entityId),
    key.businessType ? eq(approvalRequests.businessType, key.businessType) : undefined,
  )!;
}
