import { sql, type SQL } from 'drizzle-orm';
import type { AgeingBuckets, AgeingGroup, AgeingRow } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { ownedRecordScope, type ScopeActor, teamMemberCustomers } from '../../platform/scope/data-scope.js';
import { customers } from '../../platform/db/schema/index.js';

/** The default credit term when neither the customer nor the organization's finance settings name one. */
export const DEFAULT_TERM_DAYS = 30;

export interface AgeingPageOptions {
  /** The day ages are counted to. */
  asOf: string;
  groupBy: AgeingGroup;
  ownerId?: string | undefined;
  /** The last row of the previous page: its total (whole fen as text) and id. */
  after: { totalFen: string; id: string } | null;
  limit: number;
}

/** Up to `limit + 1` rows of the page, with the sums and the row count over the whole scope. */
export interface AgeingPage {
  rows: AgeingRow[];
  totals: AgeingBuckets;
  groups: number;
}

/** Bucket sums as read from SQL: numeric travels as text (exact), parsed once here. */
type RawBuckets = Record<'not_due' | 'd0_30' | 'd31_60' | 'd61_90' | 'over_90' | 'total', string | null>;

const bucketsOf = (raw: RawBuckets): AgeingBuckets => ({
  notDueFen: Number(raw.not_due ?? 0),
  days0to30Fen: Number(raw.d0_30 ?? 0),
  days31to60Fen: Number(raw.d31_60 ?? 0),
  days61to90Fen: Number(raw.d61_90 ?? 0),
  over90Fen: Number(raw.over_90 ?? 0),
  totalFen: Number(raw.total ?? 0),
});

/**
 * Every unpaid receivable of confirmed, shipped or completed orders. With a plan: each
 * installment's unpaid part at its due date. Without one: the order's unpaid amount, due the
 * confirmation day (organization's calendar) plus the credit term days.
 */
function receivables(orgId: string, ownerId: string | undefined): SQL {
  const owner = ownerId ? sql`and o.owner_id = ${ownerId}` : sql``;
  return sql`select o.customer_id, o.owner_id, pp.due_date, pp.amount_fen - pp.paid_fen as unpaid
      from orders o
      join payment_plans pp on pp.org_id = o.org_id and pp.order_id = o.id
     where o.org_id = ${orgId} and o.deleted_at is null
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
     where o.org_id = ${orgId} and o.deleted_at is null
       and o.status in ('confirmed', 'shipped', 'completed') ${owner}
       and o.paid_fen < o.total_fen
       and not exists (select 1 from payment_plans pp where pp.org_id = o.org_id and pp.order_id = o.id)`;
}

/**
 * The customers a scoped actor may read (the customer read scope: owned or team member), listed
 * through the owner index — deleted ones too, as the report always counted them — so the
 * receivables are filtered by one hash semi-join instead of a primary-key probe per receivable.
 * Null for an organization-wide actor: every receivable of the organization is in scope.
 */
function visibleCustomerIds(actor: ScopeActor): SQL | null {
  if (actor.dataScope === 'all') return null;
  const owned = ownedRecordScope(actor, customers);
  return sql`select customers.id from customers where customers.deleted_at is null and ${owned}
    union all
    select customers.id from customers where customers.deleted_at is not null and ${owned}
    union
    select customers.id from customers where ${teamMemberCustomers(actor, customers)}`;
}

/** SQL of the receivables ageing report (应收账龄). */
export const ageingRepository = {
  /**
   * One keyset page (total desc, id) of unpaid amounts per customer or owner, bucketed by days
   * past due (not yet due, 0–30, 31–60, 61–90, over 90), for the customers the actor may see. The
   * groups are summed once and both the page and the totals row are read from them; names are
   * joined to the page rows only.
   */
  async findPage(db: Executor, actor: ScopeActor, options: AgeingPageOptions): Promise<AgeingPage> {
    const byOwner = options.groupBy === 'owner';
    const visible = visibleCustomerIds(actor);
    const after = options.after
      ? sql`where aged.total < ${options.after.totalFen}::numeric
              or (aged.total = ${options.after.totalFen}::numeric and aged.id > ${options.after.id}::uuid)`
      : sql``;
    const rows = await queryRows<
      RawBuckets & { id: string | null; name: string | null; groups: number } & {
        [K in `sum_${keyof RawBuckets}`]: string | null;
      }
    >(
      db,
      sql`with aged as (
            select aging.id,
                   coalesce(sum(unpaid) filter (where age < 0), 0) as not_due,
                   coalesce(sum(unpaid) filter (where age between 0 and 30), 0) as d0_30,
                   coalesce(sum(unpaid) filter (where age between 31 and 60), 0) as d31_60,
                   coalesce(sum(unpaid) filter (where age between 61 and 90), 0) as d61_90,
                   coalesce(sum(unpaid) filter (where age > 90), 0) as over_90,
                   sum(unpaid) as total
              from (
                select ${byOwner ? sql`r.owner_id` : sql`r.customer_id`} as id, r.unpaid,
                       ${options.asOf}::date - coalesce(r.due_date, current_date) as age
                  from (${receivables(actor.orgId, options.ownerId)}) r
                 ${visible ? sql`where r.customer_id in (${visible})` : sql``}
              ) aging
             group by aging.id
          ),
          summed as (
            select count(*)::int as groups, sum(not_due) as sum_not_due, sum(d0_30) as sum_d0_30,
                   sum(d31_60) as sum_d31_60, sum(d61_90) as sum_d61_90, sum(over_90) as sum_over_90,
                   sum(total) as sum_total
              from aged
          )
          select s.groups, s.sum_not_due::text as sum_not_due, s.sum_d0_30::text as sum_d0_30,
                 s.sum_d31_60::text as sum_d31_60, s.sum_d61_90::text as sum_d61_90,
                 s.sum_over_90::text as sum_over_90, s.sum_total::text as sum_total,
                 p.id, ${byOwner ? sql`n.display_name` : sql`n.name`} as name, p.not_due::text as not_due,
                 p.d0_30::text as d0_30, p.d31_60::text as d31_60, p.d61_90::text as d61_90,
                 p.over_90::text as over_90, p.total::text as total
            from summed s
            left join lateral (
              select aged.* from aged ${after} order by aged.total desc, aged.id limit ${options.limit + 1}
            ) p on true
            left join ${byOwner ? sql`users` : sql`customers`} n on n.org_id = ${actor.orgId} and n.id = p.id
           order by p.total desc, p.id`,
    );
    const first = rows[0];
    const totals = bucketsOf({
      not_due: first?.sum_not_due ?? null,
      d0_30: first?.sum_d0_30 ?? null,
      d31_60: first?.sum_d31_60 ?? null,
      d61_90: first?.sum_d61_90 ?? null,
      over_90: first?.sum_over_90 ?? null,
      total: first?.sum_total ?? null,
    });
    const page = rows.flatMap((raw) => (raw.id === null ? [] : [{ id: raw.id, name: raw.name, ...bucketsOf(raw) }]));
    return { rows: page, totals, groups: Number(first?.groups ?? 0) };
  },
};
