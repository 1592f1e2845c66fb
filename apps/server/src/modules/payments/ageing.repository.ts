import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { customerReadScope } from '../../platform/scope/data-scope.js';
import { customers } from '../../platform/db/schema/index.js';
import type { ScopeActor } from './payments.repository.js';

/** One unpaid receivable: an installment, or a whole order without a plan. */
export interface ReceivableRow {
  customerId: string;
  customerName: string;
  ownerId: string;
  ownerName: string | null;
  dueDate: string;
  unpaidFen: number;
}

/** The default credit term when neither the customer nor the organization's finance settings name one. */
export const DEFAULT_TERM_DAYS = 30;

/** SQL of the receivables ageing report (应收账龄). */
export const ageingRepository = {
  /**
   * Every unpaid receivable of confirmed, shipped or completed orders whose customer the actor may
   * see. With a plan: each installment's unpaid part at its due date. Without one: the order's
   * unpaid amount, due the confirmation day (organization's calendar) plus the credit term days.
   */
  async findReceivables(db: Executor, actor: ScopeActor, options: { ownerId?: string | undefined }): Promise<ReceivableRow[]> {
    const owner = options.ownerId ? sql`and o.owner_id = ${options.ownerId}` : sql``;
    const rows = await queryRows<{
      customerId: string;
      customerName: string;
      ownerId: string;
      ownerName: string | null;
      dueDate: string | Date;
      unpaidFen: string | number;
    }>(
      db,
      sql`with receivable as (
            select o.customer_id, o.owner_id, pp.due_date, pp.amount_fen - pp.paid_fen as unpaid
              from orders o
              join payment_plans pp on pp.org_id = o.org_id and pp.order_id = o.id
             where o.org_id = ${actor.orgId} and o.deleted_at is null
               and o.status in ('confirmed', 'shipped', 'completed') ${owner}
               and pp.paid_fen < pp.amount_fen
            union all
            select o.customer_id, o.owner_id,
                   (o.confirmed_at at time zone org.time_zone)::date
                     + coalesce(cc.term_days, fs.default_term_days, ${DEFAULT_TERM_DAYS}) as due_date,
                   o.total_fen - o.paid_fen as unpaid
              from orders o
              join organizations org on org.id = o.org_id
              left join customer_credit cc on cc.org_id = o.org_id and cc.customer_id = o.customer_id
              left join finance_settings fs on fs.org_id = o.org_id
             where o.org_id = ${actor.orgId} and o.deleted_at is null
               and o.status in ('confirmed', 'shipped', 'completed') ${owner}
               and o.paid_fen < o.total_fen
               and not exists (select 1 from payment_plans pp where pp.org_id = o.org_id and pp.order_id = o.id)
          )
          select r.customer_id as "customerId", customers.name as "customerName", r.owner_id as "ownerId",
                 u.display_name as "ownerName", to_char(coalesce(r.due_date, current_date), 'YYYY-MM-DD') as "dueDate",
                 r.unpaid as "unpaidFen"
            from receivable r
            join customers on customers.org_id = ${actor.orgId} and customers.id = r.customer_id
            left join users u on u.org_id = ${actor.orgId} and u.id = r.owner_id
           where ${customerReadScope(actor, customers)}`,
    );
    return rows.map((r) => ({
      ...r,
      dueDate: typeof r.dueDate === 'string' ? r.dueDate : r.dueDate.toISOString().slice(0, 10),
      unpaidFen: Number(r.unpaidFen),
    }));
  },
};
