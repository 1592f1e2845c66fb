/** Employee expenses (费用报销): drafts with receipts, manager approval, monthly totals, customer allocation. */
import { defineModule } from '../../platform/module-kit/module-definition.js';
import { expensesMessages } from './expenses.messages.js';
import { expenseApprovals } from './expenses.approvals.js';
import { seedDemoExpenses } from './expenses.demo.js';
import { expensesRoutes } from './expenses.routes.js';

export { expenseAllocation } from './expense-allocation.js';

export const expensesModule = defineModule({
  name: 'expenses',
  messages: expensesMessages,
  routes: expensesRoutes,
  approvals: [expenseApprovals],
  demoSeed: { seed: (tx, demo) => seedDemoExpenses(tx, { orgId: demo.orgId, customers: demo.dealCustomers }) },
});
