import { type ApprovalContextFacts, type ExpenseApproval, type ExpenseCategory, formatYuan } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import type { DomainEvent, EventBus } from '../../platform/events/index.js';
import type { ApprovalAdapter, ApprovalContextRequest } from '../../platform/module-kit/module-definition.js';
import { approvalEngine } from '../approvals/index.js';
import { expensesRepository, type ExpenseRow } from './expenses.repository.js';

const ENTITY = { entityType: 'expense', businessType: 'expense' } as const;

/** Asks for the expense's approval (default flow: the employee's direct manager). */
export async function submitForApproval(tx: Executor, actor: Actor, row: ExpenseRow) {
  return approvalEngine.submit(tx, actor, {
    businessType: 'expense',
    entityType: 'expense',
    entityId: row.id,
    customerId: row.customerId,
    // The title is stored and shown as is: money as people read it (¥12,345.00), not as a code.
    title: `${actor.displayName} · ${row.currency === 'CNY' ? '¥' : `${row.currency} `}${formatYuan(row.amountFen)} · ${row.description.slice(0, 80)}`,
    reason: null,
    summary: {
      amountFen: row.amountFen,
      currency: row.currency,
      category: row.category,
      spentOn: row.spentOn,
      customerName: row.customerName,
      description: row.description,
    },
  });
}

export async function withdrawApproval(tx: Executor, events: EventBus, actor: Actor, expenseId: string): Promise<void> {
  await approvalEngine.withdrawPendingFor(tx, events, actor, { ...ENTITY, entityId: expenseId });
}

/** The expense's latest approval request as its detail page shows it; null when never submitted. */
export async function latestApprovalOf(db: Executor, actor: Actor, expenseId: string): Promise<ExpenseApproval | null> {
  const request = await approvalEngine.latestFor(db, actor.orgId, { ...ENTITY, entityId: expenseId });
  if (!request) return null;
  return {
    requestId: request.id,
    status: request.status,
    submittedAt: request.submittedAt,
    decidedAt: request.decidedAt,
    currentStepName: request.currentStepName,
    currentApprovers: request.currentApprovers,
    lastComment: request.decisions.at(-1)?.comment ?? null,
  };
}

const NEXT_STATUS = { approved: 'approved', rejected: 'rejected', withdrawn: 'draft' } as const;

/**
 * Applies approval outcomes to expenses, in the deciding transaction: approved → approved (with
 * the decision time), rejected → rejected (the employee may edit and resubmit), withdrawn → draft.
 * Only the expense's current request counts: an outcome of an older request changes nothing.
 */
async function decideExpense(tx: Executor, event: DomainEvent<'approval.decided'>): Promise<void> {
  if (event.entityType !== 'expense') return;
  const row = await expensesRepository.lockForDecision(tx, event.orgId, event.entityId);
  if (!row || row.status !== 'pending' || row.approvalRequestId !== event.requestId) return;
  const status = NEXT_STATUS[event.status];
  const decidedAt = event.status === 'withdrawn' ? null : event.at;
  await expensesRepository.update(tx, { orgId: event.orgId, id: row.id, version: row.version }, { status, decidedAt });
  await recordAudit(
    tx,
    { orgId: event.orgId, userId: event.decidedBy, ip: null, requestId: null },
    {
      action: event.status === 'withdrawn' ? 'withdraw' : event.status === 'approved' ? 'approve' : 'reject',
      entity: 'expense',
      entityId: row.id,
      before: { status: row.status, version: row.version },
      after: {
        status,
        decidedAt,
        approvalRequestId: event.requestId,
        comment: event.comment,
        version: row.version + 1,
      },
    },
  );
}

/** The expense as its approval card shows it: category, date, amount, customer, receipts inline. */
async function expenseContext(db: Executor, request: ApprovalContextRequest): Promise<ApprovalContextFacts | null> {
  if (request.entityType !== 'expense') return null;
  const row = await expensesRepository.getForApprovalCard(db, request.orgId, request.entityId);
  if (!row) return null;
  const files = await expensesRepository.attachmentsOf(db, request.orgId, row.id);
  return {
    kind: 'expense',
    category: row.category as ExpenseCategory,
    spentOn: row.spentOn,
    amountFen: row.amountFen,
    currency: row.currency,
    description: row.description,
    customerName: row.customerName,
    employeeName: row.employeeName ?? '',
    receipts: files.map((f) => ({
      id: f.id,
      fileName: f.fileName,
      contentType: f.contentType,
      sizeBytes: f.sizeBytes,
      url: `/api/v1/expenses/${row.id}/attachments/${f.id}`,
    })),
  };
}

/** Expenses: default approver the employee's direct manager. */
export const expenseApprovals: ApprovalAdapter = {
  businessType: 'expense',
  defaultStep: 'manager',
  decide: decideExpense,
  context: expenseContext,
};
