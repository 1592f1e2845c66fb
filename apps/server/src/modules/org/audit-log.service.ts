import type { AuditLogQuery, AuditPage } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { decodeCursor, encodeCursor } from '../../platform/pagination.js';
import { auditLogRepository } from './audit-log.repository.js';

export function createAuditLogService({ db }: { db: Db }) {
  return {
    /** The organization's audit entries, newest first, optionally for one entity. */
    async list(actor: Actor, query: AuditLogQuery): Promise<AuditPage> {
      const limit = query.limit ?? 50;
      const rows = await auditLogRepository.findPage(db, actor, {
        entity: query.entity,
        entityId: query.entityId,
        cursor: decodeCursor(query.cursor, 'timestamp'),
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(({ atText: _atText, ...row }) => ({ ...row, at: new Date(row.at).toISOString() })),
        nextCursor: rows.length > limit && last ? encodeCursor({ value: last.atText, id: last.id }) : null,
      };
    },
  };
}
