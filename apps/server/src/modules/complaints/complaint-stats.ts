import type { ComplaintStats, ComplaintStatsQuery } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { timestamptz } from '../../platform/db/row-values.js';
import { invalidField } from '../../platform/errors/app-error.js';
import { addDays, orgTimeZone, startOfDate, todayIn } from '../../platform/time/index.js';
import { complaintReach } from './complaints.repository.js';

/** Without a period: the last 30 days up to today. */
const DEFAULT_DAYS = 30;
const TOP_CATEGORIES = 5;

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** The service dashboard's figures (issue 15 item 7), counted in SQL over the reader's complaints. */
export function createComplaintStatsService({ db, clock = () => new Date() }: { db: Db; clock?: () => Date }) {
  return {
    async stats(actor: Actor, query: ComplaintStatsQuery): Promise<ComplaintStats> {
      const timeZone = await orgTimeZone(db, actor.orgId);
      const to = query.to ?? todayIn(timeZone, clock());
      const from = query.from ?? addDays(to, 1 - DEFAULT_DAYS);
      if (from > to) throw invalidField('to', 'validation.invalid');
      const start = timestamptz(startOfDate(from, timeZone));
      const end = timestamptz(startOfDate(addDays(to, 1), timeZone));
      const now = timestamptz(clock());
      const inPeriod = sql`${complaintReach(actor)} and complaints.created_at >= ${start} and complaints.created_at < ${end}`;
      const [row] = await queryRows<Record<string, number | string | null>>(
        db,
        sql`select count(*)::int as opened,
            count(*) filter (where complaints.resolved_at is not null or complaints.state in ('resolved', 'closed'))::int as handled,
            count(complaints.first_responded_at)::int as responded,
            count(*) filter (where complaints.first_responded_at <= complaints.first_response_due_at)::int as "respondedOnTime",
            count(complaints.resolved_at)::int as resolved,
            count(*) filter (where complaints.resolved_at <= complaints.resolution_due_at)::int as "resolvedOnTime",
            round(avg(extract(epoch from complaints.first_responded_at - complaints.created_at)) / 60)::int as "meanFirstResponseMinutes",
            round(avg(extract(epoch from complaints.resolved_at - complaints.created_at)) / 60)::int as "meanResolutionMinutes"
          from complaints where ${inPeriod}`,
      );
      const [overdue] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from complaints where ${complaintReach(actor)}
              and complaints.state not in ('resolved', 'closed') and complaints.resolution_due_at < ${now}`,
      );
      const byCategory = await queryRows<{
        categoryId: string | null;
        nameZh: string | null;
        nameEn: string | null;
        count: number;
      }>(
        db,
        sql`select complaints.category_id as "categoryId", cc.name_zh as "nameZh", cc.name_en as "nameEn", count(*)::int as count
          from complaints left join complaint_categories cc on cc.org_id = complaints.org_id and cc.id = complaints.category_id
          where ${inPeriod}
          group by complaints.category_id, cc.name_zh, cc.name_en
          order by count(*) desc, cc.name_zh limit ${TOP_CATEGORIES}`,
      );
      const n = (key: string) => Number(row?.[key] ?? 0);
      const minutes = (key: string) => (row?.[key] === null || row?.[key] === undefined ? null : Number(row[key]));
      return {
        from,
        to,
        opened: n('opened'),
        handled: n('handled'),
        handlingRate: rate(n('handled'), n('opened')),
        responded: n('responded'),
        respondedOnTime: n('respondedOnTime'),
        onTimeResponseRate: rate(n('respondedOnTime'), n('responded')),
        resolved: n('resolved'),
        resolvedOnTime: n('resolvedOnTime'),
        onTimeResolutionRate: rate(n('resolvedOnTime'), n('resolved')),
        meanFirstResponseMinutes: minutes('meanFirstResponseMinutes'),
        meanResolutionMinutes: minutes('meanResolutionMinutes'),
        overdueOpen: Number(overdue?.n ?? 0),
        byCategory: byCategory.map((c) => ({ ...c, count: Number(c.count) })),
      };
    },
  };
}
