import type { Celebration, CelebrationList, CelebrationQuery, MemberAnalytics, MemberValue } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { customers } from '../../platform/db/schema/index.js';
import { notFound } from '../../platform/errors/app-error.js';
import { customerReadScope } from '../../platform/scope/data-scope.js';
import { addDays, localDateOf, orgTimeZone } from '../../platform/time/index.js';
import { contributionRange, contributionSource, trailingYear } from '../customer-value/index.js';
import { membersRepository } from './members.repository.js';

const CELEBRATION_LIMIT = 500;

/** The next day on or after `today` with the month and day of `date` (29 February → 28th in other years). */
function nextOccurrence(date: string, today: string): string {
  const monthDay = date.slice(5);
  for (const year of [Number(today.slice(0, 4)), Number(today.slice(0, 4)) + 1]) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const day = monthDay === '02-29' && !leap ? `${year}-02-28` : `${year}-${monthDay}`;
    if (day >= today) return day;
  }
  return today;
}

/** Member analytics, birthdays and anniversaries, and the member value (12 months). */
export function createMemberReportsService({ db }: { db: Db }) {
  const scope = (actor: Actor) => customerReadScope(actor, customers);
  const yearOf = async (actor: Actor, now: Date) => {
    const timeZone = await orgTimeZone(db, actor.orgId);
    const period = trailingYear(localDateOf(now, timeZone));
    return { period, range: contributionRange({ orgId: actor.orgId, currency: 'CNY', period, timeZone }) };
  };

  return {
    /**
     * Counts by the last purchase (the joining day without one): active within 90 days, silent
     * 90–180 and 180–365 days, churned beyond a year; with the members' 12-month revenue and profit.
     */
    async analytics(actor: Actor): Promise<MemberAnalytics> {
      const now = new Date();
      const at = now.toISOString();
      const [counts] = await queryRows<Record<string, number | string>>(
        db,
        sql`select count(*)::int as total,
            count(*) filter (where ref >= ${at}::timestamptz - interval '90 days')::int as active,
            count(*) filter (where ref < ${at}::timestamptz - interval '90 days' and ref >= ${at}::timestamptz - interval '180 days')::int as silent90,
            count(*) filter (where ref < ${at}::timestamptz - interval '180 days' and ref >= ${at}::timestamptz - interval '365 days')::int as silent180,
            count(*) filter (where ref < ${at}::timestamptz - interval '365 days')::int as churned,
            coalesce(sum(balance), 0)::float8 as "pointsOutstanding"
          from (select coalesce(m.last_purchase_at, m.joined_on::timestamptz) as ref, m.points_balance as balance
                  from members m join customers on customers.org_id = m.org_id and customers.id = m.customer_id and customers.deleted_at is null
                 where m.org_id = ${actor.orgId} and ${scope(actor)}) x`,
      );
      const byLevel = await queryRows<{ levelId: string; nameZh: string; nameEn: string; count: number }>(
        db,
        sql`select l.id as "levelId", l.name_zh as "nameZh", l.name_en as "nameEn", count(customers.id)::int as count
          from member_levels l
          left join members m on m.org_id = l.org_id and m.level_id = l.id
          left join customers on customers.org_id = m.org_id and customers.id = m.customer_id and customers.deleted_at is null
               and ${scope(actor)}
         where l.org_id = ${actor.orgId}
         group by l.id, l.name_zh, l.name_en, l.threshold order by l.threshold`,
      );
      const { range } = await yearOf(actor, now);
      const [value] = await queryRows<{ revenue: number; profit: number }>(
        db,
        sql`select coalesce(sum(v.revenue), 0)::float8 as revenue, coalesce(sum(v.revenue - v.cost - v.expenses), 0)::float8 as profit
          from (${contributionSource(range)}) v
          join members m on m.org_id = ${actor.orgId} and m.customer_id = v.customer_id
          join customers on customers.org_id = m.org_id and customers.id = m.customer_id and customers.deleted_at is null
         where ${scope(actor)}`,
      );
      return {
        total: Number(counts!.total),
        active: Number(counts!.active),
        silent90: Number(counts!.silent90),
        silent180: Number(counts!.silent180),
        churned: Number(counts!.churned),
        pointsOutstanding: Number(counts!.pointsOutstanding),
        revenue12mFen: Number(value?.revenue ?? 0),
        profit12mFen: Number(value?.profit ?? 0),
        byLevel: byLevel.map((l) => ({ ...l, count: Number(l.count) })),
      };
    },

    /** Birthdays (the customer's) or membership anniversaries falling in the next `days` days, soonest first. */
    async celebrations(actor: Actor, query: CelebrationQuery): Promise<CelebrationList> {
      const today = localDateOf(new Date(), await orgTimeZone(db, actor.orgId));
      const days = query.days ?? 30;
      const monthDays = [...new Set(Array.from({ length: days }, (_, i) => addDays(today, i).slice(5)))];
      if (monthDays.includes('02-28')) monthDays.push('02-29');
      const column = query.kind === 'birthday' ? sql`customers.birthday` : sql`m.joined_on`;
      const rows = await queryRows<{
        memberId: string;
        memberNo: string;
        customerName: string;
        levelNameZh: string;
        levelNameEn: string;
        birthdayGift: string | null;
        original: string;
      }>(
        db,
        sql`select m.id as "memberId", m.member_no as "memberNo", customers.name as "customerName", l.name_zh as "levelNameZh",
            l.name_en as "levelNameEn", l.birthday_gift as "birthdayGift", ${column}::text as original
          from members m
          join customers on customers.org_id = m.org_id and customers.id = m.customer_id and customers.deleted_at is null
          join member_levels l on l.org_id = m.org_id and l.id = m.level_id
         where m.org_id = ${actor.orgId} and ${scope(actor)} and ${column} is not null
           and to_char(${column}, 'MM-DD') in (${sql.join(
             monthDays.map((d) => sql`${d}`),
             sql`, `,
           )})
         limit ${CELEBRATION_LIMIT}`,
      );
      const items: Celebration[] = rows
        .map((r) => {
          const date = nextOccurrence(r.original, today);
          const years = Number(date.slice(0, 4)) - Number(r.original.slice(0, 4));
          return {
            memberId: r.memberId,
            memberNo: r.memberNo,
            customerName: r.customerName,
            levelNameZh: r.levelNameZh,
            levelNameEn: r.levelNameEn,
            birthdayGift: query.kind === 'birthday' ? r.birthdayGift : null,
            date,
            years: years > 0 ? years : null,
          };
        })
        .filter((c) => c.date <= addDays(today, days - 1))
        .sort((a, b) => a.date.localeCompare(b.date) || a.memberNo.localeCompare(b.memberNo));
      return { items };
    },

    /** Revenue and profit contribution of the member's customer over the trailing twelve months. */
    async value(actor: Actor, id: string): Promise<MemberValue> {
      const member = await membersRepository.get(db, actor.orgId, actor, { id });
      if (!member) throw notFound('entity.member');
      const { period, range } = await yearOf(actor, new Date());
      const [row] = await queryRows<{ orders_count: number; revenue: string; cost: string; expenses: string }>(
        db,
        sql`${contributionSource({ ...range, customerId: member.customerId })}`,
      );
      const revenue = Number(row?.revenue ?? 0);
      return {
        from: period.from,
        to: period.to,
        ordersCount: Number(row?.orders_count ?? 0),
        revenueFen: revenue,
        profitFen: revenue - Number(row?.cost ?? 0) - Number(row?.expenses ?? 0),
      };
    },
  };
}
