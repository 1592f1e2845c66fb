import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';

/**
 * All SQL of the customer page's 360° view. Every read is of one customer the caller has already
 * been shown (the service checks the customer's scope first), so child rows need no other scope.
 */

/** Order states that count as bought (domain §5): confirmed and everything after it but cancelled. */
const BOUGHT = sql`('confirmed', 'shipped', 'completed')`;

export interface SummaryNumbers {
  openOpportunityFen: number;
  openOpportunityCount: number;
  totalBoughtFen: number;
  owedFen: number;
  primaryContactPhone: string | null;
  lastFollowUpAt: Date | null;
  nextFollowUpAt: Date | null;
}

export interface EventRow {
  id: string;
  kind: string;
  at: Date;
  actorName: string | null;
  subject: string;
  subjectId: string;
  amountFen: number | null;
  currency: string | null;
  fromStage: string | null;
  fromStageEn: string | null;
  toStage: string | null;
  toStageEn: string | null;
  reason: string | null;
  businessType: string | null;
  summary: Record<string, unknown> | null;
  submitterName: string | null;
}

export interface AttachmentRow {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  storageKey: string;
  createdAt: Date;
  createdByName: string | null;
}

const toDate = (value: string | Date | null | undefined): Date | null =>
  value === null || value === undefined ? null : new Date(value);

const key = (orgId: string, customerId: string) => ({ orgId, customerId });

export const customer360Repository = {
  async summaryNumbers(db: Executor, orgId: string, customerId: string, currency: string): Promise<SummaryNumbers> {
    const [row] = await queryRows<{
      open_fen: string;
      open_count: number;
      bought_fen: string;
      owed_fen: string;
      phone: string | null;
      last_at: string | Date | null;
      next_at: string | Date | null;
    }>(
      db,
      sql`select
        (select coalesce(sum(amount_fen), 0) from opportunities
          where org_id = ${orgId} and customer_id = ${customerId} and deleted_at is null
            and status = 'open' and currency = ${currency})::float8 as open_fen,
        (select count(*) from opportunities
          where org_id = ${orgId} and customer_id = ${customerId} and deleted_at is null
            and status = 'open')::int as open_count,
        (select coalesce(sum(total_fen), 0) from orders
          where org_id = ${orgId} and customer_id = ${customerId} and deleted_at is null
            and status in ${BOUGHT} and currency = ${currency})::float8 as bought_fen,
        (select coalesce(sum(greatest(total_fen - paid_fen, 0)), 0) from orders
          where org_id = ${orgId} and customer_id = ${customerId} and deleted_at is null
            and status in ${BOUGHT} and currency = ${currency})::float8 as owed_fen,
        (select mobile from contacts
          where org_id = ${orgId} and customer_id = ${customerId} and deleted_at is null and mobile is not null
          order by is_primary desc, created_at limit 1) as phone,
        (select last_follow_up_at from customers where org_id = ${orgId} and id = ${customerId}) as last_at,
        (select next_contact_at from customers where org_id = ${orgId} and id = ${customerId}) as next_at`,
    );
    return {
      openOpportunityFen: Number(row?.open_fen ?? 0),
      openOpportunityCount: row?.open_count ?? 0,
      totalBoughtFen: Number(row?.bought_fen ?? 0),
      owedFen: Number(row?.owed_fen ?? 0),
      primaryContactPhone: row?.phone ?? null,
      lastFollowUpAt: toDate(row?.last_at),
      nextFollowUpAt: toDate(row?.next_at),
    };
  },

  /** Orders: created, and each later step that has a time; payments received and voided. */
  async orderEvents(db: Executor, orgId: string, customerId: string, limit: number): Promise<EventRow[]> {
    const k = key(orgId, customerId);
    return queryRows<EventRow>(
      db,
      sql`select e.* from (
        -- Entered orders can carry earlier dates (imports): created no later than submitted or confirmed.
        select 'oc-' || o.id as "id", 'order_created' as "kind",
               least(o.created_at, o.submitted_at, o.confirmed_at) as "at", u.display_name as "actorName",
               o.order_no as "subject", o.id as "subjectId", o.total_fen::float8 as "amountFen", o.currency,
               null as "reason"
          from orders o left join users u on u.org_id = o.org_id and u.id = o.created_by
         where o.org_id = ${k.orgId} and o.customer_id = ${k.customerId} and o.deleted_at is null
        union all
        select 'of-' || o.id, 'order_confirmed', o.confirmed_at, u.display_name, o.order_no, o.id, o.total_fen::float8,
               o.currency, null
          from orders o left join users u on u.org_id = o.org_id and u.id = o.confirmed_by
         where o.org_id = ${k.orgId} and o.customer_id = ${k.customerId} and o.deleted_at is null
           and o.confirmed_at is not null
        union all
        select 'os-' || o.id, 'order_shipped', o.shipped_at, null, o.order_no, o.id, o.total_fen::float8, o.currency,
               null
          from orders o
         where o.org_id = ${k.orgId} and o.customer_id = ${k.customerId} and o.deleted_at is null
           and o.shipped_at is not null
        union all
        select 'od-' || o.id, 'order_completed', o.completed_at, null, o.order_no, o.id, o.total_fen::float8,
               o.currency, null
          from orders o
         where o.org_id = ${k.orgId} and o.customer_id = ${k.customerId} and o.deleted_at is null
           and o.completed_at is not null
        union all
        select 'ox-' || o.id, 'order_cancelled', o.cancelled_at, null, o.order_no, o.id, o.total_fen::float8,
               o.currency, o.cancel_reason
          from orders o
         where o.org_id = ${k.orgId} and o.customer_id = ${k.customerId} and o.deleted_at is null
           and o.cancelled_at is not null
        union all
        select 'pr-' || p.id, 'payment_received', p.created_at, u.display_name, o.order_no, o.id,
               p.amount_fen::float8, p.currency, null
          from payments p
          join orders o on o.org_id = p.org_id and o.id = p.order_id
          left join users u on u.org_id = p.org_id and u.id = p.recorded_by
         where p.org_id = ${k.orgId} and p.customer_id = ${k.customerId}
        union all
        select 'pv-' || p.id, 'payment_voided', p.voided_at, u.display_name, o.order_no, o.id,
               p.amount_fen::float8, p.currency, p.void_reason
          from payments p
          join orders o on o.org_id = p.org_id and o.id = p.order_id
          left join users u on u.org_id = p.org_id and u.id = p.voided_by
         where p.org_id = ${k.orgId} and p.customer_id = ${k.customerId} and p.voided_at is not null
      ) e order by e."at" desc limit ${limit}`,
    );
  },

  /** Opened, moved and closed opportunities, from their append-only stage log. */
  async opportunityEvents(db: Executor, orgId: string, customerId: string, limit: number): Promise<EventRow[]> {
    return queryRows<EventRow>(
      db,
      sql`select 'om-' || c.id as "id",
             case when c.from_stage_id is null and c.from_status is null then 'opportunity_opened'
                  when c.to_status = 'won' then 'opportunity_won'
                  when c.to_status = 'lost' then 'opportunity_lost'
                  when c.to_status = 'invalid' then 'opportunity_invalid'
                  else 'opportunity_moved' end as "kind",
             c.at as "at", u.display_name as "actorName", op.name as "subject", op.id as "subjectId",
             op.amount_fen::float8 as "amountFen", op.currency,
             fs.name as "fromStage", fs.name_en as "fromStageEn", ts.name as "toStage", ts.name_en as "toStageEn",
             c.reason
        from opportunity_stage_changes c
        join opportunities op on op.org_id = c.org_id and op.id = c.opportunity_id
        left join sales_process_stages fs on fs.org_id = c.org_id and fs.id = c.from_stage_id
        left join sales_process_stages ts on ts.org_id = c.org_id and ts.id = c.to_stage_id
        left join users u on u.org_id = c.org_id and u.id = c.actor_id
       where c.org_id = ${orgId} and op.customer_id = ${customerId} and op.deleted_at is null
       order by c.at desc limit ${limit}`,
    );
  },

  /** Approval requests about the customer or its records: submitted, and how each ended. */
  async approvalEvents(db: Executor, orgId: string, customerId: string, limit: number): Promise<EventRow[]> {
    return queryRows<EventRow>(
      db,
      sql`select e.* from (
        select 'as-' || r.id as "id", 'approval_submitted' as "kind", r.submitted_at as "at",
               u.display_name as "actorName", r.title as "subject", r.id as "subjectId", r.reason,
               r.business_type as "businessType", r.summary, u.display_name as "submitterName"
          from approval_requests r left join users u on u.org_id = r.org_id and u.id = r.submitted_by
         where r.org_id = ${orgId} and r.customer_id = ${customerId}
        union all
        select 'ad-' || r.id, 'approval_' || r.status, r.decided_at, null, r.title, r.id, null,
               r.business_type, r.summary, u.display_name
          from approval_requests r left join users u on u.org_id = r.org_id and u.id = r.submitted_by
         where r.org_id = ${orgId} and r.customer_id = ${customerId} and r.decided_at is not null
           and r.status in ('approved', 'rejected', 'withdrawn')
      ) e order by e."at" desc limit ${limit}`,
    );
  },

  async attachments(db: Executor, orgId: string, customerId: string): Promise<AttachmentRow[]> {
    return queryRows<AttachmentRow>(
      db,
      sql`select a.id, a.file_name as "fileName", a.content_type as "contentType", a.size_bytes::int as "sizeBytes",
             a.storage_key as "storageKey", a.created_at as "createdAt", u.display_name as "createdByName"
        from attachments a left join users u on u.org_id = a.org_id and u.id = a.created_by
       where a.org_id = ${orgId} and a.entity = 'customer' and a.entity_id = ${customerId} and a.deleted_at is null
       order by a.created_at desc, a.id desc`,
    );
  },

  async insertAttachment(
    db: Executor,
    values: {
      orgId: string;
      id: string;
      entityId: string;
      fileName: string;
      contentType: string;
      sizeBytes: number;
      storageKey: string;
      createdBy: string;
      createdAt: Date;
    },
  ): Promise<void> {
    await db.execute(
      sql`insert into attachments (org_id, id, entity, entity_id, file_name, content_type, size_bytes, storage_key,
             created_by, created_at)
          values (${values.orgId}, ${values.id}, 'customer', ${values.entityId}, ${values.fileName},
             ${values.contentType}, ${values.sizeBytes}, ${values.storageKey}, ${values.createdBy},
             ${values.createdAt.toISOString()}::timestamptz)`,
    );
  },

  async softDeleteAttachment(db: Executor, orgId: string, id: string): Promise<void> {
    await db.execute(sql`update attachments set deleted_at = now() where org_id = ${orgId} and id = ${id}`);
  },
};
