import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { visits } from '../../platform/db/schema/index.js';
import { personInScope } from '../team-activity/index.js';
import type { ScopeActor } from '../../platform/scope/data-scope.js';

export interface VisitRow {
  id: string;
  customerId: string;
  customerName: string | null;
  userId: string;
  userName: string | null;
  checkedInAt: Date;
  latitude: string | null;
  longitude: string | null;
  accuracyM: number | null;
  address: string | null;
  note: string | null;
  followUpId: string | null;
}

/** A day of visits is small; the cap only guards the response size. */
const DAY_LIST_LIMIT = 1000;

export const visitsRepository = {
  async insert(db: Executor, values: typeof visits.$inferInsert): Promise<void> {
    await db.insert(visits).values(values);
  },

  /**
   * Visits of the people in the actor's scope (a manager: their team, a salesperson: their own —
   * the users' data scope on `user_id`), newest first, optionally one person, one customer, one day.
   */
  async find(
    db: Executor,
    actor: ScopeActor,
    filters: {
      userId?: string | undefined;
      customerId?: string | undefined;
      day?: { date: string; timeZone: string } | undefined;
      id?: string;
    },
  ): Promise<VisitRow[]> {
    const conditions = [sql`v.org_id = ${actor.orgId}`, personInScope(actor, sql`v.user_id`)];
    if (filters.id) conditions.push(sql`v.id = ${filters.id}`);
    if (filters.userId) conditions.push(sql`v.user_id = ${filters.userId}`);
    if (filters.customerId) conditions.push(sql`v.customer_id = ${filters.customerId}`);
    if (filters.day) {
      const { date, timeZone } = filters.day;
      conditions.push(sql`v.checked_in_at >= (${date}::date)::timestamp at time zone ${timeZone}`);
      conditions.push(sql`v.checked_in_at < (${date}::date + 1)::timestamp at time zone ${timeZone}`);
    }
    const rows = await queryRows<Omit<VisitRow, 'checkedInAt'> & { checkedInAt: string | Date }>(
      db,
      sql`select v.id, v.customer_id as "customerId", c.name as "customerName", v.user_id as "userId", u.display_name as "userName",
          v.checked_in_at as "checkedInAt", v.latitude::text as latitude, v.longitude::text as longitude, v.accuracy_m as "accuracyM",
          v.address, v.note, v.follow_up_id as "followUpId"
        from visits v
        left join customers c on c.org_id = v.org_id and c.id = v.customer_id
        left join users u on u.org_id = v.org_id and u.id = v.user_id
        where ${sql.join(conditions, sql` and `)}
        order by v.checked_in_at desc, v.id desc
        limit ${DAY_LIST_LIMIT}`,
    );
    return rows.map((r) => ({ ...r, checkedInAt: new Date(r.checkedInAt) }));
  },
};
