import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';

/**
 * The discount in basis points the customer's member level grants (0 for a non-member). Lent to
 * the order price checks as the module's `customerDiscounts` (platform/pricing), so orders need not
 * import members.
 */
export async function memberDiscountBp(db: Executor, key: { orgId: string; customerId: string }): Promise<number> {
  const [row] = await queryRows<{ discountBp: number }>(
    db,
    sql`select l.discount_bp as "discountBp" from members m
          join member_levels l on l.org_id = m.org_id and l.id = m.level_id
         where m.org_id = ${key.orgId} and m.customer_id = ${key.customerId}`,
  );
  return Number(row?.discountBp ?? 0);
}
