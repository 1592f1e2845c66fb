import {
  DEFAULT_CURRENCY,
  type CreateExpenseBody,
  type ExpenseDetail,
  type ExpenseListQuery,
  type ExpensePage,
  type ExpenseTotals,
  type ExpenseTotalsQuery,
  type UpdateExpenseBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, notFound, staleVersion } from '../../platform/errors/app-error.js';
import type { EventBus } from '../../platform/events/index.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { latestApprovalOf, submitForApproval, withdrawApproval } from './expenses.approvals.js';
import { expensesRepository, type ExpenseRow } from './expenses.repository.js';
import {
  assertEditable,
  auditedState,
  checkAmount,
  checkCustomer,
  checkSpentOn,
  lockOwnExpense,
  requiredText,
  toExpense,
} from './expenses.values.js';

/** Employee expenses (费用报销): the employee's drafts, submitting and withdrawing, monthly totals. */
export function createExpensesService({ db, events }: { db: Db; events: EventBus }) {
  const readBack = async (actor: Actor, id: string): Promise<ExpenseDetail> => {
    const row = await expensesRepository.getById(db, actor, id);
    if (!row) throw notFound('entity.expense');
    const files = await expensesRepository.attachmentsOf(db, actor.orgId, id);
    return {
      ...toExpense(row),
      attachments: files.map((f) => ({
        id: f.id,
        fileName: f.fileName,
        contentType: f.contentType,
        sizeBytes: f.sizeBytes,
        createdAt: f.createdAt.toISOString(),
      })),
      approval: await latestApprovalOf(db, actor, id),
    };
  };

  /** Audits a change (edit, submit, withdraw) with the expense as it was and as it is now. */
  const auditChange = async (
    actor: Actor,
    tx: Executor,
    before: ExpenseRow,
    action: 'update' | 'submit' | 'withdraw',
  ) => {
    const after = (await expensesRepository.lockOwn(tx, actor, before.id))!;
    await recordAudit(tx, actor, {
      action,
      entity: 'expense',
      entityId: before.id,
      before: auditedState(before),
      after: auditedState(after),
    });
  };

  return {
    async list(actor: Actor, query: ExpenseListQuery): Promise<ExpensePage> {
      const limit = query.limit ?? 50;
      const { limit: _, cursor: rawCursor, ...filters } = query;
      const cursor = decodeCursor(rawCursor, 'date');
      const rows = await expensesRepository.findPage(db, actor, { filters, cursor, limit: limit + 1 });
      const page = keysetPage(rows, { limit, sortValueOf: (row) => row.spentOn });
      return { items: page.rows.map(toExpense), nextCursor: page.nextCursor };
    },

    get: readBack,

    async create(actor: Actor, body: CreateExpenseBody): Promise<ExpenseDetail> {
      const id = newId();
      const amountFen = checkAmount(body.amountFen);
      const description = requiredText('description', body.description);
      await db.transaction(async (tx) => {
        const spentOn = await checkSpentOn(tx, actor.orgId, body.spentOn);
        const customerId = await checkCustomer(tx, actor, body.customerId ?? null);
        const values = {
          orgId: actor.orgId,
          id,
          employeeId: actor.userId,
          category: body.category,
          amountFen,
          currency: body.currency ?? DEFAULT_CURRENCY,
          spentOn,
          customerId,
          description,
          status: 'draft',
        };
        await expensesRepository.insert(tx, values);
        await recordAudit(tx, actor, { action: 'create', entity: 'expense', entityId: id, after: values });
      });
      return readBack(actor, id);
    },

    async update(actor: Actor, id: string, body: UpdateExpenseBody): Promise<ExpenseDetail> {
      const { version, ...changes } = body;
      const values = {
        ...changes,
        ...(changes.amountFen === undefined ? {} : { amountFen: checkAmount(changes.amountFen) }),
        ...(changes.description === undefined ? {} : { description: requiredText('description', changes.description) }),
      };
      await db.transaction(async (tx) => {
        const before = await lockOwnExpense(tx, actor, id, version);
        assertEditable(before);
        if (changes.spentOn !== undefined) await checkSpentOn(tx, actor.orgId, changes.spentOn);
        if (changes.customerId !== undefined && changes.customerId !== before.customerId)
          await checkCustomer(tx, actor, changes.customerId);
        if (!(await expensesRepository.update(tx, { orgId: actor.orgId, id, version }, values))) throw staleVersion();
        await auditChange(actor, tx, before, 'update');
      });
      return readBack(actor, id);
    },

    /** Soft delete of a draft or rejected expense; its receipts stay on disk for the audit trail. */
    async delete(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const before = await lockOwnExpense(tx, actor, id);
        assertEditable(before);
        await expensesRepository.update(
          tx,
          { orgId: actor.orgId, id, version: before.version },
          { deletedAt: new Date() },
        );
        await recordAudit(tx, actor, {
          action: 'delete',
          entity: 'expense',
          entityId: id,
          before: auditedState(before),
        });
      });
    },

    /** Draft or rejected → pending with the approvals engine (approved at once when the flow is off). */
    async submit(actor: Actor, id: string): Promise<ExpenseDetail> {
      await db.transaction(async (tx) => {
        const row = await lockOwnExpense(tx, actor, id);
        assertEditable(row);
        const outcome = await submitForApproval(tx, actor, row);
        const changes =
          outcome.status === 'approved'
            ? { status: 'approved', approvalRequestId: outcome.requestId, decidedAt: new Date() }
            : { status: 'pending', approvalRequestId: outcome.requestId, decidedAt: null };
        await expensesRepository.update(tx, { orgId: actor.orgId, id, version: row.version }, changes);
        await auditChange(actor, tx, row, 'submit');
      });
      return readBack(actor, id);
    },

    /** Pending → draft: the engine withdraws the request; its `approval.decided` event resets and audits the expense. */
    async withdraw(actor: Actor, id: string): Promise<ExpenseDetail> {
      await db.transaction(async (tx) => {
        const row = await lockOwnExpense(tx, actor, id);
        if (row.status !== 'pending') throw new AppError('business_rule', 'error.expense.notPending');
        await withdrawApproval(tx, events, actor, id);
        // Without a request in progress (e.g. it was cleared by hand) the event never comes: reset here.
        const after = (await expensesRepository.lockOwn(tx, actor, id))!;
        if (after.status === 'pending') {
          await expensesRepository.update(
            tx,
            { orgId: actor.orgId, id, version: after.version },
            { status: 'draft', decidedAt: null },
          );
          await auditChange(actor, tx, row, 'withdraw');
        }
      });
      return readBack(actor, id);
    },

    async totals(actor: Actor, query: ExpenseTotalsQuery): Promise<ExpenseTotals> {
      const statuses = query.status === 'all' ? ['approved', 'pending'] : ['approved'];
      const rows = await expensesRepository.totals(db, actor, { month: query.month, groupBy: query.groupBy, statuses });
      const totals = new Map<string, { currency: string; count: number; amountFen: number }>();
      for (const r of rows) {
        const sum = totals.get(r.currency) ?? { currency: r.currency, count: 0, amountFen: 0 };
        sum.count += r.count;
        sum.amountFen += r.amountFen;
        totals.set(r.currency, sum);
      }
      return { month: query.month, groupBy: query.groupBy, rows, totals: [...totals.values()] };
    },
  };
}
export type ExpensesService = ReturnType<typeof createExpensesService>;
