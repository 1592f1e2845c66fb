import {
  RETURN_VISIT_DEFAULTS,
  type ReturnVisit,
  type ReturnVisitOutcome,
  type ReturnVisitSettings,
  type ReturnVisitSource,
  type ReturnVisitStatus,
} from '@guanxi/contract';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { iso } from '../../platform/db/row-values.js';
import { addDays, localDateOf, orgTimeZone } from '../../platform/time/index.js';
import { returnVisitsRepository as repo, type ReturnVisitRow } from './return-visits.repository.js';

/** The settings, a visit's API shape and audit snapshot, and the rule that schedules visits. */

type Settings = Omit<ReturnVisitSettings, 'version' | 'defaultHandlerName'> & {
  defaultHandlerName: string | null;
  version: number;
};

/** The organization's settings, or the defaults while it has none. */
export async function returnVisitSettingsOf(db: Executor, orgId: string): Promise<Settings> {
  const row = await repo.getSettings(db, orgId);
  return row ?? { ...RETURN_VISIT_DEFAULTS, defaultHandlerId: null, defaultHandlerName: null, version: 0 };
}

export function toReturnVisit(row: ReturnVisitRow, today: string, lowScore: number): ReturnVisit {
  return {
    id: row.id,
    customerId: row.customerId,
    customerName: row.customerName,
    orderId: row.orderId,
    orderNo: row.orderNo,
    complaintId: row.complaintId,
    source: row.source as ReturnVisitSource,
    dueDate: row.dueDate,
    isOverdue: row.status === 'open' && row.dueDate < today,
    handlerId: row.handlerId,
    handlerName: row.handlerName,
    status: row.status as ReturnVisitStatus,
    outcome: row.outcome as ReturnVisitOutcome | null,
    satisfaction: row.satisfaction,
    notes: row.notes,
    isLowScore: row.satisfaction !== null && row.satisfaction <= lowScore,
    raisedComplaintId: row.raisedComplaintId,
    doneAt: iso(row.doneAt),
    doneByName: row.doneByName,
    createdAt: iso(row.createdAt)!,
    version: row.version,
  };
}

/** What the audit log keeps of a visit. */
export const snapshot = (row: ReturnVisitRow) => ({
  customerId: row.customerId,
  orderId: row.orderId,
  complaintId: row.complaintId,
  source: row.source,
  dueDate: row.dueDate,
  handlerId: row.handlerId,
  status: row.status,
  outcome: row.outcome,
  satisfaction: row.satisfaction,
  notes: row.notes,
  raisedComplaintId: row.raisedComplaintId,
});

/**
 * A visit a rule schedules (an order completed, a complaint closed), in the publisher's transaction:
 * no scope check (the rule decided), audited as created by whoever triggered it. Nothing when the
 * organization turned that rule off (0 days), or when the order already has its visit.
 */
export async function scheduleReturnVisit(
  tx: Executor,
  audit: AuditContext,
  visit: {
    customerId: string;
    at: Date;
    source: 'order_completed' | 'complaint_closed';
    orderId?: string;
    complaintId?: string;
  },
): Promise<string | null> {
  const settings = await returnVisitSettingsOf(tx, audit.orgId);
  const days = visit.source === 'order_completed' ? settings.afterOrderDays : settings.afterComplaintDays;
  if (days === 0) return null;
  if (visit.orderId && (await repo.hasOrderVisit(tx, audit.orgId, visit.orderId))) return null;
  const id = newId();
  const values = {
    orgId: audit.orgId,
    id,
    customerId: visit.customerId,
    orderId: visit.orderId ?? null,
    complaintId: visit.complaintId ?? null,
    source: visit.source,
    dueDate: addDays(localDateOf(visit.at, await orgTimeZone(tx, audit.orgId)), days),
    handlerId: settings.defaultHandlerId,
    createdBy: audit.userId,
  };
  await repo.insert(tx, values);
  await recordAudit(tx, audit, { action: 'create', entity: 'return_visit', entityId: id, after: values });
  return id;
}
