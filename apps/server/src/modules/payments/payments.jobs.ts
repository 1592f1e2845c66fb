import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { notifyUsers } from '../notifications/index.js';
import { organizationToday } from './plan-allocation.js';

const BATCH = 500;
/** Notification kind; the web renders its text from the params. */
export const OVERDUE_KIND = 'payment_overdue';
export const overdueDedupeKey = (installmentId: string) => `payment_overdue:${installmentId}`;

interface OverdueCandidate {
  id: string;
  orderId: string;
  orderNo: string;
  ownerId: string;
  customerId: string;
  customerName: string;
  installmentNo: number;
  dueDate: string;
  status: string;
  unpaidFen: string | number;
}

/**
 * System-job SQL: runs for one organization without a caller's scope, by design (style rule 3's
 * "clearly named system jobs").
 */
const overdueJobRepository = {
  async findOrganizationIds(db: Executor, only: string | null): Promise<string[]> {
    if (only) return [only];
    const rows = await queryRows<{ id: string }>(db, sql`select id from organizations order by id`);
    return rows.map((r) => r.id);
  },

  /**
   * Unpaid installments of payable orders due before `today` that are not marked overdue yet, or
   * whose owner was not told (a payment or plan change can mark one overdue between two runs).
   */
  async findCandidates(db: Executor, options: { orgId: string; today: string; afterId: string | null }) {
    const after = options.afterId ? sql`and pp.id > ${options.afterId}::uuid` : sql``;
    return queryRows<OverdueCandidate>(
      db,
      sql`select pp.id, pp.order_id as "orderId", o.order_no as "orderNo", o.owner_id as "ownerId",
                 pp.customer_id as "customerId", c.name as "customerName", pp.installment_no as "installmentNo",
                 to_char(pp.due_date, 'YYYY-MM-DD') as "dueDate", pp.status, pp.amount_fen - pp.paid_fen as "unpaidFen"
            from payment_plans pp
            join orders o on o.org_id = pp.org_id and o.id = pp.order_id
            join customers c on c.org_id = pp.org_id and c.id = pp.customer_id
           where pp.org_id = ${options.orgId} and pp.due_date < ${options.today}::date and pp.paid_fen < pp.amount_fen
             and o.deleted_at is null and o.status in ('confirmed', 'shipped', 'completed')
             and (pp.status <> 'overdue' or not exists (
                   select 1 from notifications n
                    where n.org_id = pp.org_id and n.dedupe_key = 'payment_overdue:' || pp.id::text))
             ${after}
           order by pp.id limit ${BATCH}`,
    );
  },

  /** Marks one installment overdue if it still qualifies; true when it changed. */
  async markOverdue(db: Executor, key: { orgId: string; id: string; today: string }): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`update payment_plans set status = 'overdue', updated_at = now()
           where org_id = ${key.orgId} and id = ${key.id} and status <> 'overdue'
             and due_date < ${key.today}::date and paid_fen < amount_fen
          returning id`,
    );
    return rows.length > 0;
  },
};

/**
 * Nightly (`payments.markOverdue`): installments past their due date (the organization's calendar)
 * and not fully paid become overdue, and the order's owner is told once per installment (the
 * dedupe key makes a rerun a no-op). Returns how many installments were newly marked.
 */
export async function markOverdueInstallments(db: Db, now: Date, onlyOrgId: string | null = null): Promise<number> {
  let marked = 0;
  for (const orgId of await overdueJobRepository.findOrganizationIds(db, onlyOrgId)) {
    const today = await organizationToday(db, orgId, now);
    let afterId: string | null = null;
    for (;;) {
      const batch = await overdueJobRepository.findCandidates(db, { orgId, today, afterId });
      if (batch.length === 0) break;
      marked += await db.transaction(async (tx) => {
        let count = 0;
        for (const installment of batch) {
          if (await overdueJobRepository.markOverdue(tx, { orgId, id: installment.id, today })) {
            count++;
            await recordAudit(
              tx,
              { orgId, userId: null, ip: null, requestId: null },
              {
                action: 'update',
                entity: 'payment_plan',
                entityId: installment.orderId,
                before: { installmentId: installment.id, status: installment.status },
                after: { installmentId: installment.id, status: 'overdue' },
              },
            );
          }
          await notifyUsers(tx, {
            orgId,
            userIds: [installment.ownerId],
            kind: OVERDUE_KIND,
            entity: 'order',
            entityId: installment.orderId,
            dedupeKey: overdueDedupeKey(installment.id),
            params: {
              orderId: installment.orderId,
              orderNo: installment.orderNo,
              customerId: installment.customerId,
              customerName: installment.customerName,
              installmentNo: installment.installmentNo,
              dueDate: installment.dueDate,
              unpaidFen: Number(installment.unpaidFen),
            },
          });
        }
        return count;
      });
      afterId = batch.at(-1)!.id;
    }
  }
  return marked;
}
