import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { auditLog, users } from '../../platform/db/schema/index.js';
import type { Cursor } from '../../platform/pagination.js';
import type { OrgScope } from './departments.repository.js';

export interface AuditRow {
  id: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  at: Date;
  ip: string | null;
  /** The exact stored time as text, for the keyset cursor (a Date loses microseconds). */
  atText: string;
}

/** Reads of the append-only audit log (design §3); the application never updates or deletes it. */
export const auditLogRepository = {
  /** Newest first, after the cursor. */
  async findPage(
    db: Executor,
    scope: OrgScope,
    options: { entity?: string | undefined; entityId?: string | undefined; cursor: Cursor | null; limit: number },
  ): Promise<AuditRow[]> {
    const conditions: SQL[] = [eq(auditLog.orgId, scope.orgId)];
    if (options.entity) conditions.push(eq(auditLog.entity, options.entity));
    if (options.entityId) conditions.push(eq(auditLog.entityId, options.entityId));
    if (options.cursor) {
      conditions.push(sql`(${auditLog.at}, ${auditLog.id}) < (${String(options.cursor.value)}::timestamptz, ${options.cursor.id}::uuid)`);
    }
    return db
      .select({
        id: auditLog.id,
        actorId: auditLog.actorId,
        actorName: users.displayName,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
        at: auditLog.at,
        ip: auditLog.ip,
        atText: sql<string>`${auditLog.at}::text`,
      })
      .from(auditLog)
      .leftJoin(users, and(eq(users.orgId, auditLog.orgId), eq(users.id, auditLog.actorId)))
      .where(and(...conditions))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(options.limit);
  },
};
