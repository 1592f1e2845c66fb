import { Type, type Static } from 'typebox';
import { ApprovalStatus, ApprovalUserRef } from './approvals.js';
import { Id, Nullable, PageQuery, Timestamp, VersionField, pageOf, DateOnly, MONTH_PATTERN } from './common.js';
import { Attachment } from './follow-ups.js';
import { CURRENCY_PATTERN, DEFAULT_CURRENCY } from './money.js';

/** Expense categories (费用类别): travel 差旅, meals 招待餐费, gifts 礼品, samples 样品, other 其他. */
export const EXPENSE_CATEGORIES = ['travel', 'meals', 'gifts', 'samples', 'other'] as const;
export const ExpenseCategory = Type.Enum(EXPENSE_CATEGORIES);
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

/** draft 草稿 → pending 审批中 → approved 已通过 / rejected 已驳回; withdrawing returns to draft. */
export const EXPENSE_STATUSES = ['draft', 'pending', 'approved', 'rejected'] as const;
export const ExpenseStatus = Type.Enum(EXPENSE_STATUSES);
export type ExpenseStatus = (typeof EXPENSE_STATUSES)[number];

/** One expense is at most 999,999,999.99 yuan: far above any real claim, and sums stay exact. */
export const MAX_EXPENSE_FEN = 99_999_999_999;
const ExpenseAmountFen = Type.Integer({ minimum: 1, maximum: MAX_EXPENSE_FEN });
/**
 * As sent: any whole number; the server checks 1…MAX_EXPENSE_FEN itself, so a zero amount is told
 * "from 1" rather than the generic amount range of other money fields.
 */
const AmountFenInput = Type.Integer();
const Month = Type.String({ pattern: MONTH_PATTERN });
const Description = Type.String({ minLength: 1, maxLength: 500 });

/** Where the expense's approval request stands (the latest request, if one was ever submitted). */
export const ExpenseApproval = Type.Object({
  requestId: Id,
  status: ApprovalStatus,
  submittedAt: Timestamp,
  decidedAt: Nullable(Timestamp),
  /** Name of the step waiting for a decision and who may decide it (empty once decided). */
  currentStepName: Nullable(Type.String()),
  currentApprovers: Type.Array(ApprovalUserRef),
  /** The comment of the latest decision, e.g. why it was rejected. */
  lastComment: Nullable(Type.String()),
});
export type ExpenseApproval = Static<typeof ExpenseApproval>;

export const Expense = Type.Object({
  id: Id,
  employeeId: Id,
  employeeName: Nullable(Type.String()),
  category: ExpenseCategory,
  amountFen: ExpenseAmountFen,
  currency: Type.String({ pattern: CURRENCY_PATTERN }),
  spentOn: DateOnly,
  customerId: Nullable(Id),
  customerName: Nullable(Type.String()),
  description: Type.String(),
  status: ExpenseStatus,
  approvalRequestId: Nullable(Id),
  decidedAt: Nullable(Timestamp),
  attachmentCount: Type.Integer({ minimum: 0 }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Type.Integer(),
});
export type Expense = Static<typeof Expense>;
export const ExpensePage = pageOf(Expense);
export type ExpensePage = Static<typeof ExpensePage>;

/** One expense with its receipts and its approval. */
export const ExpenseDetail = Type.Object({
  ...Expense.properties,
  attachments: Type.Array(Attachment),
  approval: Nullable(ExpenseApproval),
});
export type ExpenseDetail = Static<typeof ExpenseDetail>;

export const ExpenseListQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(ExpenseStatus),
    category: Type.Optional(ExpenseCategory),
    employeeId: Type.Optional(Id),
    customerId: Type.Optional(Id),
    month: Type.Optional(Month),
    /** Only the caller's own expenses (the "my expenses" tab). */
    mine: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ExpenseListQuery = Static<typeof ExpenseListQuery>;

/** A new expense is a draft of the caller; `spentOn` may not lie in the future (organization's time zone). */
export const CreateExpenseBody = Type.Object(
  {
    category: ExpenseCategory,
    amountFen: AmountFenInput,
    currency: Type.Optional(Type.String({ pattern: CURRENCY_PATTERN, default: DEFAULT_CURRENCY })),
    spentOn: DateOnly,
    /** A customer the caller can see; the expense then counts against its profit contribution. */
    customerId: Type.Optional(Nullable(Id)),
    description: Description,
  },
  { additionalProperties: false },
);
export type CreateExpenseBody = Static<typeof CreateExpenseBody>;

/** Drafts and rejected expenses of the caller may change; `version` is the one read. */
export const UpdateExpenseBody = Type.Object(
  {
    category: Type.Optional(ExpenseCategory),
    amountFen: Type.Optional(AmountFenInput),
    currency: Type.Optional(Type.String({ pattern: CURRENCY_PATTERN })),
    spentOn: Type.Optional(DateOnly),
    customerId: Type.Optional(Nullable(Id)),
    description: Type.Optional(Description),
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateExpenseBody = Static<typeof UpdateExpenseBody>;

export const ExpenseAttachmentParams = Type.Object({ id: Id, attachmentId: Id }, { additionalProperties: false });
export type ExpenseAttachmentParams = Static<typeof ExpenseAttachmentParams>;

export const EXPENSE_TOTAL_GROUPS = ['employee', 'customer', 'category'] as const;
export const ExpenseTotalGroup = Type.Enum(EXPENSE_TOTAL_GROUPS);
export type ExpenseTotalGroup = (typeof EXPENSE_TOTAL_GROUPS)[number];

/** Monthly totals; approved expenses only unless `status=all` (then pending ones count too). */
export const ExpenseTotalsQuery = Type.Object(
  {
    month: Month,
    groupBy: ExpenseTotalGroup,
    status: Type.Optional(Type.Enum(['approved', 'all'] as const)),
  },
  { additionalProperties: false },
);
export type ExpenseTotalsQuery = Static<typeof ExpenseTotalsQuery>;

/**
 * One group of a month: `key` is the employee id, customer id (null = no customer) or category;
 * `name` the employee's or customer's name (null for categories: screens translate the code).
 * Amounts are summed per currency, never across currencies.
 */
export const ExpenseTotalRow = Type.Object({
  key: Nullable(Type.String()),
  name: Nullable(Type.String()),
  currency: Type.String({ pattern: CURRENCY_PATTERN }),
  count: Type.Integer({ minimum: 0 }),
  amountFen: Type.Integer({ minimum: 0 }),
});
export type ExpenseTotalRow = Static<typeof ExpenseTotalRow>;
export const ExpenseCurrencyTotal = Type.Object({
  currency: Type.String({ pattern: CURRENCY_PATTERN }),
  count: Type.Integer({ minimum: 0 }),
  amountFen: Type.Integer({ minimum: 0 }),
});
export const ExpenseTotals = Type.Object({
  month: Month,
  groupBy: ExpenseTotalGroup,
  rows: Type.Array(ExpenseTotalRow),
  /** The month's total per currency (usually one: CNY). */
  totals: Type.Array(ExpenseCurrencyTotal),
});
export type ExpenseTotals = Static<typeof ExpenseTotals>;
