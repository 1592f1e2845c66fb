import {
  type CreditReportPage,
  type CreditReportQuery,
  type CreditWarning,
  type CustomerCredit,
  DEFAULT_CURRENCY,
  formatYuan,
  type PutCustomerCreditBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { hasPermission } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { AppError, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { findReadableCustomer } from '../customers/index.js';
import { creditRepository } from './credit.repository.js';
import { financeSettings, orgToday } from './finance-settings.js';

/** What the credit check decided for a confirmation. */
export interface CreditDecision {
  warning?: CreditWarning;
  /** Set when the caller passed the order over its limit with credit.override. */
  override?: { reason: string; by: string };
}

/**
 * The credit check on confirmation (domain §5): with a limit, outstanding + this order over it is
 * a warning ('warn') or a 422 ('block') unless the order carries an approved override or the
 * caller, holding credit.override, gives a reason. The credit row is locked so two confirmations
 * for one customer are checked one after the other.
 */
export async function checkCredit(
  tx: Executor,
  actor: Actor,
  order: { customerId: string; totalFen: number; creditOverrideReason: string | null },
  overrideReason: string | undefined,
): Promise<CreditDecision> {
  const credit = await creditRepository.lockCreditRow(tx, actor.orgId, order.customerId);
  if (!credit) return {};
  const outstandingFen = await creditRepository.outstandingFen(tx, actor.orgId, order.customerId);
  if (outstandingFen + order.totalFen <= credit.limitFen) return {};
  const warning = { limitFen: credit.limitFen, outstandingFen, orderFen: order.totalFen };
  const settings = await financeSettings.get(tx, actor.orgId);
  if (settings.creditMode === 'warn') return { warning };
  if (order.creditOverrideReason !== null) return { warning };
  if (overrideReason !== undefined && overrideReason.trim() !== '' && hasPermission(actor, 'credit.override')) {
    return { warning, override: { reason: overrideReason.trim(), by: actor.userId } };
  }
  throw new AppError('business_rule', 'error.order.creditExceeded', {
    params: {
      limit: formatYuan(credit.limitFen),
      outstanding: formatYuan(outstandingFen),
      order: formatYuan(order.totalFen),
    },
  });
}

/** Credit limits (信用额度) per customer and the credit report for finance. */
/** A customer's limit, owed and overdue today (the credit screen and the approval cards read it). */
export async function creditFiguresOf(db: Executor, orgId: string, customerId: string): Promise<CustomerCredit> {
  const settings = await financeSettings.get(db, orgId);
  const { today, timeZone } = await orgToday(db, orgId);
  const f = await creditRepository.figures(db, {
    orgId,
    customerId,
    defaultTermDays: settings.defaultTermDays,
    today,
    timeZone,
  });
  return {
    customerId,
    limitFen: f.limitFen,
    termDays: f.termDays ?? settings.defaultTermDays,
    currency: f.currency ?? DEFAULT_CURRENCY,
    outstandingFen: f.outstandingFen,
    availableFen: f.limitFen === null ? null : f.limitFen - f.outstandingFen,
    overdueFen: f.overdueFen,
    version: f.version,
  };
}

export function createCreditService({ db }: { db: Db }) {
  const figuresOf = (orgId: string, customerId: string): Promise<CustomerCredit> =>
    creditFiguresOf(db, orgId, customerId);

  return {
    async get(actor: Actor, customerId: string): Promise<CustomerCredit> {
      if (!(await findReadableCustomer(db, actor, customerId))) throw notFound('entity.customer');
      return figuresOf(actor.orgId, customerId);
    },

    async put(actor: Actor, customerId: string, body: PutCustomerCreditBody): Promise<CustomerCredit> {
      await db.transaction(async (tx) => {
        if (!(await findReadableCustomer(tx, actor, customerId))) throw notFound('entity.customer');
        const before = await creditRepository.getCreditRow(tx, actor.orgId, customerId);
        const saved = await creditRepository.saveCreditRow(
          tx,
          { orgId: actor.orgId, customerId, version: body.version },
          { limitFen: body.limitFen, termDays: body.termDays, updatedBy: actor.userId },
        );
        if (!saved) throw staleVersion();
        await recordAudit(tx, actor, {
          action: before ? 'update' : 'create',
          entity: 'customer_credit',
          entityId: customerId,
          before: before ? { limitFen: before.limitFen, termDays: before.termDays, version: before.version } : null,
          after: { limitFen: body.limitFen, termDays: body.termDays },
        });
      });
      return figuresOf(actor.orgId, customerId);
    },

    async report(actor: Actor, query: CreditReportQuery): Promise<CreditReportPage> {
      const limit = query.limit ?? 50;
      const byName = query.sort === 'name';
      // Both sort values travel as text: the used amount as its decimal digits.
      const cursor = decodeCursor(query.cursor, byName ? 'text' : 'integer');
      const settings = await financeSettings.get(db, actor.orgId);
      const { today, timeZone } = await orgToday(db, actor.orgId);
      const rows = await creditRepository.reportPage(db, actor, {
        q: query.q,
        overOnly: query.overOnly ?? false,
        byName,
        cursor,
        limit: limit + 1,
        defaultTermDays: settings.defaultTermDays,
        today,
        timeZone,
      });
      const items = rows.map((r) => ({
        id: r.customerId,
        customerId: r.customerId,
        customerName: r.customerName,
        ownerId: r.ownerId,
        ownerName: r.ownerName,
        limitFen: r.limitFen,
        termDays: r.termDays,
        usedFen: r.usedFen,
        availableFen: r.limitFen === null ? null : r.limitFen - r.usedFen,
        overdueFen: r.overdueFen,
        creditVersion: r.creditVersion ?? 0,
      }));
      const page = keysetPage(items, {
        limit,
        sortValueOf: (row) => (byName ? row.customerName : String(row.usedFen)),
      });
      return { items: page.rows, nextCursor: page.nextCursor };
    },
  };
}
