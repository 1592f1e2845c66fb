import { sql } from 'drizzle-orm';
import { recordAudits } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { notifyEach } from '../notifications/index.js';
import { organizationToday } from './plan-allocation.js';

/** Candidates per transaction: bounds the locks held and keeps each insert far below the bind-parameter limit. */
const BATCH = 1000;
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

  /** Marks the installments overdue that still qualify, in one statement; answers the ids that changed. */
  async markOverdue(db: Executor, key: { orgId: string; ids: readonly string[]; today: string }): Promise<Set<string>> {
    if (key.ids.length === 0) return new Set();
    const ids = sql.join(
      key.ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    const rows = await queryRows<{ id: string }>(
      db,
      sql`update payment_plans set status = 'overdue', updated_at = now()
           where org_id = ${key.orgId} and id in (${ids}) and status <> 'overdue'
             and due_date < ${key.today}::date and paid_fen < amount_fen
          returning id`,
    );
    return new Set(rows.map((r) => r.id));
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
      // Set-based per batch: one update, one audit insert and one notification insert, instead of
      // three statements per installment (31k installments took 36 s one by one).
      marked += await db.transaction(async (tx) => {
        const changed = await overdueJobRepository.markOverdue(tx, { orgId, ids: batch.map((i) => i.id), today });
        await recordAudits(
          tx,
          { orgId, userId: null, ip: null, requestId: null },
          batch
            .filter((installment) => changed.has(installment.id))
            .map((installment) => ({
              action: 'update',
              entity: 'payment_plan',
              entityId: installment.orderId,
              before: { installmentId: installment.id, status: installment.status },
              after: { installmentId: installment.id, status: 'overdue' },
            })),
        );
        await notifyEach(
          tx,
          batch.map((installment) => ({
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
          })),
        );
        return changed.size;
      });
      afterId = batch.at(-1)!.id;
    }
  }
  return marked;
}
