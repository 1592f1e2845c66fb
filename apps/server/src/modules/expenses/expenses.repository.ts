import { and, desc, eq, gte, isNotNull, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { attachments, customers, expenses, users } from '../../platform/db/schema/index.js';
import type { Cursor } from '../../platform/pagination.js';
import { ownedRecordScope, type ScopeActor } from '../../platform/scope/data-scope.js';
import { versionedWrites } from '../../platform/db/versioned-rows.js';
import { keysetAfter } from '../../platform/db/keyset.js';
import { firstRow } from '../../platform/db/row-reads.js';

export interface ExpenseRow {
  id: string;
  employeeId: string;
  employeeName: string | null;
  category: string;
  amountFen: number;
  currency: string;
  spentOn: string;
  customerId: string | null;
  customerName: string | null;
  description: string;
  status: string;
  approvalRequestId: string | null;
  decidedAt: Date | null;
  attachmentCount: number;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

const row = {
  id: expenses.id,
  employeeId: expenses.employeeId,
  employeeName: users.displayName,
  category: expenses.category,
  amountFen: expenses.amountFen,
  currency: expenses.currency,
  spentOn: expenses.spentOn,
  customerId: expenses.customerId,
  customerName: customers.name,
  description: expenses.description,
  status: expenses.status,
  approvalRequestId: expenses.approvalRequestId,
  decidedAt: expenses.decidedAt,
  attachmentCount: sql<number>`(select count(*)::int from attachments a
    where a.org_id = ${expenses.orgId} and a.entity = 'expense' and a.entity_id = ${expenses.id} and a.deleted_at is null)`,
  createdAt: expenses.createdAt,
  updatedAt: expenses.updatedAt,
  version: expenses.version,
};

const employeeJoin = and(eq(users.orgId, expenses.orgId), eq(users.id, expenses.employeeId));
const customerJoin = and(eq(customers.orgId, expenses.orgId), eq(customers.id, expenses.customerId));
/** An expense with its employee's and customer's names, as every expense read shows it. */
const selectExpenses = (db: Executor) =>
  db.select(row).from(expenses).leftJoin(users, employeeJoin).leftJoin(customers, customerJoin);

/**
 * Expenses are the employee's records: visible when the employee is inside the actor's data scope
 * (own always; managers their team; finance everything). Out of scope reads as unknown (→ 404).
 */
export const visibleExpenses = (actor: ScopeActor): SQL =>
  and(ownedRecordScope(actor, { orgId: expenses.orgId, ownerId: expenses.employeeId }), isNull(expenses.deletedAt))!;

/** The first day of a `YYYY-MM` month and of the month after it. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, to: `${next}-01` };
}

export interface ExpenseFilters {
  status?: string | undefined;
  category?: string | undefined;
  employeeId?: string | undefined;
  customerId?: string | undefined;
  month?: string | undefined;
  mine?: boolean | undefined;
}

function filterConditions(actor: ScopeActor, filters: ExpenseFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.status) conditions.push(eq(expenses.status, filters.status));
  if (filters.category) conditions.push(eq(expenses.category, filters.category));
  if (filters.employeeId) conditions.push(eq(expenses.employeeId, filters.employeeId));
  if (filters.customerId) conditions.push(eq(expenses.customerId, filters.customerId));
  if (filters.mine) conditions.push(eq(expenses.employeeId, actor.userId));
  if (filters.month) {
    const { from, to } = monthRange(filters.month);
    conditions.push(gte(expenses.spentOn, from), lt(expenses.spentOn, to));
  }
  return conditions;
}

export type TotalGroup = 'employee' | 'customer' | 'category';

/** All SQL on expenses; every read by an actor is limited by the employee's scope. */
export const expensesRepository = {
  /** Latest spending first, keyset on (spent_on, id). */
  async findPage(
    db: Executor,
    actor: ScopeActor,
    options: { filters: ExpenseFilters; cursor: Cursor | null; limit: number },
  ): Promise<ExpenseRow[]> {
    const conditions = [visibleExpenses(actor), ...filterConditions(actor, options.filters)];
    if (options.cursor) {
      const { spentOn: sort, id } = expenses;
      conditions.push(keysetAfter({ sort, id, cursor: options.cursor, cast: 'date', descending: true }));
    }
    return selectExpenses(db)
      .where(and(...conditions))
      .orderBy(desc(expenses.spentOn), desc(expenses.id))
      .limit(options.limit);
  },

  async getById(db: Executor, actor: ScopeActor, id: string): Promise<ExpenseRow | null> {
    return firstRow(selectExpenses(db).where(and(visibleExpenses(actor), eq(expenses.id, id))));
  },

  /** Locks a live expense of the actor's own (only employees change their expenses); null otherwise. */
  async lockOwn(db: Executor, actor: ScopeActor, id: string): Promise<ExpenseRow | null> {
    return firstRow(
      selectExpenses(db)
        .where(
          and(
            eq(expenses.orgId, actor.orgId),
            eq(expenses.id, id),
            eq(expenses.employeeId, actor.userId),
            isNull(expenses.deletedAt),
          ),
        )
        .for('update', { of: expenses }),
    );
  },

  /** A live expense by id alone, for its approval card (the engine already checked who reads it). */
  async getForApprovalCard(db: Executor, orgId: string, id: string): Promise<ExpenseRow | null> {
    return firstRow(
      selectExpenses(db).where(and(eq(expenses.orgId, orgId), eq(expenses.id, id), isNull(expenses.deletedAt))),
    );
  },

  /** Locks a live expense by id alone, for approval outcomes (the approver acted through the engine). */
  async lockForDecision(db: Executor, orgId: string, id: string) {
    return firstRow(
      db
        .select({
          id: expenses.id,
          status: expenses.status,
          version: expenses.version,
          approvalRequestId: expenses.approvalRequestId,
        })
        .from(expenses)
        .where(and(eq(expenses.orgId, orgId), eq(expenses.id, id), isNull(expenses.deletedAt)))
        .for('update'),
    );
  },

  ...versionedWrites(expenses),

  /** The live receipts of one expense, oldest first (its visibility is checked by the caller). */
  async attachmentsOf(db: Executor, orgId: string, expenseId: string) {
    return db
      .select({
        id: attachments.id,
        fileName: attachments.fileName,
        contentType: attachments.contentType,
        sizeBytes: attachments.sizeBytes,
        storageKey: attachments.storageKey,
        createdAt: attachments.createdAt,
      })
      .from(attachments)
      .where(
        and(
          eq(attachments.orgId, orgId),
          eq(attachments.entity, 'expense'),
          eq(attachments.entityId, expenseId),
          isNull(attachments.deletedAt),
        ),
      )
      .orderBy(attachments.createdAt, attachments.id);
  },

  async insertAttachment(db: Executor, values: typeof attachments.$inferInsert): Promise<void> {
    await db.insert(attachments).values(values);
  },

  async softDeleteAttachment(db: Executor, orgId: string, id: string): Promise<void> {
    await db
      .update(attachments)
      .set({ deletedAt: new Date() })
      .where(and(eq(attachments.orgId, orgId), eq(attachments.id, id)));
  },

  /** Sums of one month inside the actor's scope, per group and currency, largest first. */
  async totals(
    db: Executor,
    actor: ScopeActor,
    options: { month: string; groupBy: TotalGroup; statuses: string[] },
  ): Promise<{ key: string | null; name: string | null; currency: string; count: number; amountFen: number }[]> {
    const { from, to } = monthRange(options.month);
    const key =
      options.groupBy === 'employee'
        ? sql<string | null>`${expenses.employeeId}::text`
        : options.groupBy === 'customer'
          ? sql<string | null>`${expenses.customerId}::text`
          : sql<string | null>`${expenses.category}`;
    const name =
      options.groupBy === 'employee'
        ? sql<string | null>`max(${users.displayName})`
        : options.groupBy === 'customer'
          ? sql<string | null>`max(${customers.name})`
          : sql<string | null>`null::text`;
    const rows = await db
      .select({
        key,
        name,
        currency: expenses.currency,
        count: sql<number>`count(*)::int`,
        // bigint sums come back as text; amounts stay far below 2^53 (see MAX_EXPENSE_FEN).
        amountFen: sql<string>`sum(${expenses.amountFen})::text`,
      })
      .from(expenses)
      .leftJoin(users, employeeJoin)
      .leftJoin(customers, customerJoin)
      .where(
        and(
          visibleExpenses(actor),
          gte(expenses.spentOn, from),
          lt(expenses.spentOn, to),
          sql`${expenses.status} in (${sql.join(
            options.statuses.map((s) => sql`${s}`),
            sql`, `,
          )})`,
        ),
      )
      .groupBy(key, expenses.currency)
      .orderBy(sql`sum(${expenses.amountFen}) desc`, key);
    return rows.map((r) => ({ ...r, amountFen: Number(r.amountFen) }));
  },

  /** Approved expenses with a customer spent in [from, to], summed per customer (no actor scope). */
  async approvedByCustomer(
    db: Executor,
    orgId: string,
    range: { from: string; to: string; currency: string },
  ): Promise<{ customerId: string; amountFen: number }[]> {
    const rows = await db
      .select({ customerId: expenses.customerId, amountFen: sql<string>`sum(${expenses.amountFen})::text` })
      .from(expenses)
      .where(
        and(
          eq(expenses.orgId, orgId),
          eq(expenses.status, 'approved'),
          eq(expenses.currency, range.currency),
          isNotNull(expenses.customerId),
          isNull(expenses.deletedAt),
          gte(expenses.spentOn, range.from),
          lte(expenses.spentOn, range.to),
        ),
      )
      .groupBy(expenses.customerId);
    return rows.map((r) => ({ customerId: r.customerId!, amountFen: Number(r.amountFen) }));
  },
};
