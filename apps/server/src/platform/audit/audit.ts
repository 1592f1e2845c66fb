import type { AuditAction, AuditEntity } from '@guanxi/contract';
import type { Executor } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';
import { newId } from '../db/ids.js';

/** Who made a change, from where; the signed-in `Actor` is one, so services pass their caller as it is. */
export interface AuditContext {
  orgId: string;
  userId: string | null;
  ip: string | null;
  requestId: string | null;
}

/** Entity and action come from the contract's lists, which the audit log's filters allow-list. */
export interface AuditEntryInput {
  action: AuditAction;
  entity: AuditEntity;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

const auditRow = (context: AuditContext, entry: AuditEntryInput) => ({
  orgId: context.orgId,
  id: newId(),
  actorId: context.userId,
  action: entry.action,
  entity: entry.entity,
  entityId: entry.entityId,
  before: entry.before ?? null,
  after: entry.after ?? null,
  ip: context.ip,
  requestId: context.requestId,
});

/** Writes one audit row with the caller's executor, so it commits or rolls back with the change. */
export async function recordAudit(executor: Executor, context: AuditContext, entry: AuditEntryInput): Promise<void> {
  await executor.insert(auditLog).values(auditRow(context, entry));
}

export const auditContextOf = (actor: {
  orgId: string;
  userId: string;
  ip: string | null;
  requestId: string | null;
}): AuditContext => ({ orgId: actor.orgId, userId: actor.userId, ip: actor.ip, requestId: actor.requestId });

/** Writes many audit rows in one insert (system jobs touching thousands of rows), with the caller's executor. */
export async function recordAudits(
  executor: Executor,
  context: AuditContext,
  entries: readonly AuditEntryInput[],
): Promise<void> {
  if (entries.length === 0) return;
  await executor.insert(auditLog).values(entries.map((entry) => auditRow(context, entry)));
}
