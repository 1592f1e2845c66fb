import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { submitForApproval } from './expenses.approvals.js';
import { expensesRepository } from './expenses.repository.js';
import { DAY_MS, DEFAULT_TIME_ZONE } from '../../platform/time/index.js';

const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);

/** Per salesperson: what they spent, how long ago, and where it stands. */
const DEMO_EXPENSES = [
  {
    category: 'travel',
    amountFen: 186_000,
    days: 40,
    withCustomer: true,
    status: 'approved',
    description: '拜访客户高铁往返及住宿',
  },
  {
    category: 'meals',
    amountFen: 68_800,
    days: 12,
    withCustomer: true,
    status: 'approved',
    description: '与客户采购负责人商务午餐',
  },
  {
    category: 'samples',
    amountFen: 25_000,
    days: 6,
    withCustomer: true,
    status: 'pending',
    description: '寄送样品及快递费',
  },
  { category: 'gifts', amountFen: 52_000, days: 3, withCustomer: true, status: 'draft', description: '中秋客户礼品' },
  { category: 'other', amountFen: 9_900, days: 2, withCustomer: false, status: 'draft', description: '市区打车' },
] as const;

/** Just enough of an actor for the approvals engine to file a demo request as the employee. */
const demoActor = (orgId: string, userId: string, displayName: string): Actor => ({
  orgId,
  orgName: '',
  orgCode: '',
  orgTimeZone: DEFAULT_TIME_ZONE,
  userId,
  username: '',
  displayName,
  departmentId: null,
  locale: 'zh-CN',
  permissions: new Set(),
  dataScope: 'own',
  fieldPermissions: {},
  systemOperator: false,
  ip: null,
  requestId: null,
});

/**
 * A few expenses of each demo salesperson (the owners of the given customers): approved ones for
 * the monthly totals and profit contribution, one waiting for the manager in the approvals inbox,
 * drafts to edit. Seed data: no audit of the expenses themselves.
 */
export async function seedDemoExpenses(
  tx: Executor,
  options: { orgId: string; customers: { id: string; ownerId: string }[] },
): Promise<void> {
  const { orgId } = options;
  const customersByOwner = new Map<string, string[]>();
  for (const c of options.customers)
    customersByOwner.set(c.ownerId, [...(customersByOwner.get(c.ownerId) ?? []), c.id]);
  for (const [employeeId, customerIds] of customersByOwner) {
    for (const [i, demo] of DEMO_EXPENSES.entries()) {
      const id = newId();
      const spentOn = daysAgo(demo.days);
      await expensesRepository.insert(tx, {
        orgId,
        id,
        employeeId,
        category: demo.category,
        amountFen: demo.amountFen,
        spentOn,
        customerId: demo.withCustomer ? (customerIds[i % customerIds.length] ?? null) : null,
        description: demo.description,
        status: demo.status === 'approved' ? 'approved' : 'draft',
        decidedAt: demo.status === 'approved' ? new Date(`${spentOn}T10:00:00+08:00`) : null,
      });
      if (demo.status !== 'pending') continue;
      // Through the engine, so the manager finds it in the approvals inbox like a real one.
      const row = (await expensesRepository.lockOwn(
        tx,
        { orgId, userId: employeeId, departmentId: null, dataScope: 'own' },
        id,
      ))!;
      const actor = demoActor(orgId, employeeId, row.employeeName ?? '');
      const outcome = await submitForApproval(tx, actor, row);
      await expensesRepository.update(
        tx,
        { orgId, id, version: row.version },
        outcome.status === 'approved'
          ? { status: 'approved', approvalRequestId: outcome.requestId, decidedAt: new Date() }
          : { status: 'pending', approvalRequestId: outcome.requestId },
      );
    }
  }
}
