import {
  LOW_STOCK_THRESHOLD,
  PAYMENTS_DUE_SOON_DAYS,
  type InboxItem,
  type InboxSection,
  type Permission,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { iso } from '../../platform/db/row-values.js';
import { addDays, dateAsUtc, DAY_MS } from '../../platform/time/index.js';
import { findOrdersToConfirm } from '../orders/index.js';
import { findInstallmentsDue, type InstallmentDue } from '../payments/index.js';
import { findIssuesToConfirm, findLowStock } from '../stock/index.js';
import { findReturnVisitsDue } from '../return-visits/index.js';

/** Whole days from one calendar date to a later one. */
const daysBetween = (from: string, to: string) =>
  Math.round((dateAsUtc(to).getTime() - dateAsUtc(from).getTime()) / DAY_MS);

function installmentItem(row: InstallmentDue, today: string): InboxItem {
  const overdue = row.dueDate < today;
  return {
    entity: 'payment_installment',
    entityId: row.id,
    title: row.orderNo,
    at: null,
    params: {
      orderId: row.orderId,
      customerName: row.customerName,
      installmentNo: row.installmentNo,
      dueDate: row.dueDate,
      unpaidFen: row.unpaidFen,
      currency: row.currency,
      overdue,
      days: overdue ? daysBetween(row.dueDate, today) : daysBetween(today, row.dueDate),
    },
  };
}

/**
 * The finance, warehouse and customer-service sections of the to-do inbox, each only for a user with the permission
 * for that work (confirming orders, recording payments, issuing and recording stock). Every count
 * and row follows the caller's data scope through the owning module's read.
 */
export async function roleSections(
  db: Db,
  actor: Actor,
  options: { today: string; limit: number },
): Promise<InboxSection[]> {
  const { today, limit } = options;
  const can = (permission: Permission) => actor.permissions.has(permission);
  const sections: InboxSection[] = [];

  if (can('orders.confirm')) {
    const found = await findOrdersToConfirm(db, actor, limit);
    sections.push({
      key: 'ordersToConfirm',
      count: found.count,
      items: found.rows.map((o) => ({
        entity: 'order',
        entityId: o.id,
        title: o.orderNo,
        at: iso(o.submittedAt),
        params: { customerName: o.customerName, totalFen: o.totalFen, currency: o.currency },
      })),
    });
  }

  if (can('payments.create')) {
    const overdue = await findInstallmentsDue(db, actor, { today, limit });
    sections.push({
      key: 'paymentsOverdue',
      count: overdue.count,
      items: overdue.rows.map((row) => installmentItem(row, today)),
    });
    const until = addDays(today, PAYMENTS_DUE_SOON_DAYS);
    const soon = await findInstallmentsDue(db, actor, { today, until, limit });
    sections.push({
      key: 'paymentsDueSoon',
      count: soon.count,
      items: soon.rows.map((row) => installmentItem(row, today)),
    });
  }

  if (can('stock.issue')) {
    const found = await findIssuesToConfirm(db, actor, limit);
    sections.push({
      key: 'issuesToConfirm',
      count: found.count,
      items: found.rows.map((r) => ({
        entity: 'order',
        entityId: r.orderId,
        title: r.orderNo,
        at: iso(r.createdAt),
        params: { customerName: r.customerName, warehouseName: r.warehouseName, lineCount: r.lineCount },
      })),
    });
  }

  if (can('stock.record')) {
    const found = await findLowStock(db, actor.orgId, limit);
    sections.push({
      key: 'lowStock',
      count: found.count,
      items: found.rows.map((l) => ({
        entity: 'stock_level',
        entityId: l.productId,
        title: l.productName,
        at: null,
        params: {
          productCode: l.productCode,
          warehouseName: l.warehouseName,
          available: l.available,
          unit: l.unit,
          threshold: LOW_STOCK_THRESHOLD,
        },
      })),
    });
  }
  if (can('returnVisits.handle')) {
    const found = await findReturnVisitsDue(db, actor, { today, limit });
    sections.push({
      key: 'returnVisitsDue',
      count: found.count,
      items: found.rows.map((r) => ({
        entity: 'return_visit',
        entityId: r.id,
        title: r.customerName,
        at: null,
        params: {
          customerId: r.customerId,
          dueDate: r.dueDate,
          overdue: r.dueDate < today,
          orderNo: r.orderNo,
          source: r.source,
        },
      })),
    });
  }
  return sections;
}
