import { MAX_EXPENSE_FEN, type Expense, type ExpenseCategory, type ExpenseStatus } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { findReadableCustomer } from '../customers/index.js';
import { expensesRepository, type ExpenseRow } from './expenses.repository.js';
import { localDateOf, orgTimeZone } from '../../platform/time/index.js';

export const toExpense = (row: ExpenseRow): Expense => ({
  id: row.id,
  employeeId: row.employeeId,
  employeeName: row.employeeName,
  category: row.category as ExpenseCategory,
  amountFen: row.amountFen,
  currency: row.currency,
  spentOn: row.spentOn,
  customerId: row.customerId,
  customerName: row.customerName,
  description: row.description,
  status: row.status as ExpenseStatus,
  approvalRequestId: row.approvalRequestId,
  decidedAt: row.decidedAt?.toISOString() ?? null,
  attachmentCount: row.attachmentCount,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  version: row.version,
});

/** The audited state of an expense: its own columns, without joined names. */
export const auditedState = (row: ExpenseRow) => ({
  employeeId: row.employeeId,
  category: row.category,
  amountFen: row.amountFen,
  currency: row.currency,
  spentOn: row.spentOn,
  customerId: row.customerId,
  description: row.description,
  status: row.status,
  approvalRequestId: row.approvalRequestId,
  version: row.version,
});

/**
 * Locks an expense the actor may change: only its employee changes it. Unknown or out of scope →
 * 404; visible but someone else's (a manager looking at the team's) → 403; stale version → 409.
 */
export async function lockOwnExpense(tx: Executor, actor: Actor, id: string, version?: number): Promise<ExpenseRow> {
  const row = await expensesRepository.lockOwn(tx, actor, id);
  if (!row) {
    if (await expensesRepository.getById(tx, actor, id)) throw new AppError('forbidden', 'error.expense.notOwn');
    throw notFound('entity.expense');
  }
  if (version !== undefined && row.version !== version) throw staleVersion();
  return row;
}

/** Drafts and rejected expenses change; pending ones are with the approver, approved ones are final. */
export function assertEditable(row: ExpenseRow): void {
  if (row.status !== 'draft' && row.status !== 'rejected')
    throw new AppError('business_rule', 'error.expense.notEditable');
}

/** 1 分 up to MAX_EXPENSE_FEN, checked here so the message names this range. */
export function checkAmount(amountFen: number): number {
  if (amountFen < 1 || amountFen > MAX_EXPENSE_FEN) throw invalidField('amountFen', 'validation.expense.amount');
  return amountFen;
}

/** Trimmed text that must not be empty: only spaces → 400 naming the field. */
export function requiredText(field: string, text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw invalidField(field, 'validation.required');
  return trimmed;
}

/** Money is spent on a past or present day: the organization's today is the latest allowed date. */
export async function checkSpentOn(tx: Executor, orgId: string, spentOn: string, now = new Date()): Promise<string> {
  const today = localDateOf(now, await orgTimeZone(tx, orgId));
  if (spentOn > today) throw invalidField('spentOn', 'validation.notFuture');
  return spentOn;
}

/** A named customer must be one the actor can see; otherwise the field is invalid (400, no leak). */
export async function checkCustomer(tx: Executor, actor: Actor, customerId: string | null): Promise<string | null> {
  if (customerId === null) return null;
  if (!(await findReadableCustomer(tx, actor, customerId))) throw invalidField('customerId', 'validation.notVisible');
  return customerId;
}
