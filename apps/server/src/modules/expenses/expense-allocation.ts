import { DEFAULT_CURRENCY } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { expensesRepository } from './expenses.repository.js';

/**
 * Expenses allocated to customers, for profit contribution (domain §7): the approved expenses that
 * name a customer, summed per customer. Not limited by any user's scope: callers are system
 * computations (the nightly customer-value job), not requests.
 */
export const expenseAllocation = {
  /**
   * Approved expenses with a customer and `spent_on` in [from, to] (inclusive calendar dates
   * `YYYY-MM-DD`), in 分 per customer id. Only `currency` (default CNY) counts: amounts in other
   * currencies are not converted, so they are left out rather than added as if they were yuan.
   *
   * @example const byCustomer = await expenseAllocation.approvedByCustomer(tx, orgId, { from: '2026-01-01', to: '2026-12-31' });
   */
  async approvedByCustomer(
    db: Executor,
    orgId: string,
    range: { from: string; to: string; currency?: string },
  ): Promise<Map<string, number>> {
    const rows = await expensesRepository.approvedByCustomer(db, orgId, {
      from: range.from,
      to: range.to,
      currency: range.currency ?? DEFAULT_CURRENCY,
    });
    return new Map(rows.map((r) => [r.customerId, r.amountFen]));
  },
};
