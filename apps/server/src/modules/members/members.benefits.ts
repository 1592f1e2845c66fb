import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';

/**
 * The discount in basis points the customer's member level grants (0 for a non-member). Orders'
 * price authority does not read it yet (issue 15 gap: wiring it into the floor check would make
 * orders depend on members); it is exposed here and on the member record for the order screen.
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
