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

/** One change to an audited record, by the caller, with the record's states before and after it. */
export interface AuditedChange<Row> {
  actor: AuditContext;
  entityId: string;
  before: Row;
  after: Row;
}

/**
 * The audit entries of one entity with the snapshot its log keeps of a row, so a service writes each
 * change in one line, in its own transaction:
 * `const audit = auditTrail('product', auditedProduct); … await audit.updated(tx, { actor, entityId: id, before, after });`
 */
export function auditTrail<Row>(entity: AuditEntity, snapshot: (row: Row) => unknown) {
  return {
    created: (executor: Executor, { actor, entityId, after }: Omit<AuditedChange<Row>, 'before'>) =>
      recordAudit(executor, actor, { action: 'create', entity, entityId, after: snapshot(after) }),
    updated: (executor: Executor, { actor, entityId, before, after }: AuditedChange<Row>) =>
      recordAudit(executor, actor, {
        action: 'update',
        entity,
        entityId,
        before: snapshot(before),
        after: snapshot(after),
      }),
    deleted: (executor: Executor, { actor, entityId, before }: Omit<AuditedChange<Row>, 'after'>) =>
      recordAudit(executor, actor, { action: 'delete', entity, entityId, before: snapshot(before) }),
  };
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
