/** Employee expenses (费用报销): drafts with receipts, manager approval, monthly totals, customer allocation. */
export { expensesRoutes } from './expenses.routes.js';
export { subscribeExpenseApprovals } from './expense-approvals.js';
export { expenseAllocation } from './expense-allocation.js';
export { seedDemoExpenses } from './expenses.demo.js';
