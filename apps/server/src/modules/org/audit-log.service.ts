import type { AuditEntry, AuditLogQuery, AuditPage } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors/app-error.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { visibleSnapshot } from './audit-log.fields.js';
import { auditLogRepository, type AuditFilters } from './audit-log.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Bounds the name look-up of one page (a page of role or plan snapshots can hold many ids). */
const MAX_REFERENCES = 500;

/** The same years every date filter accepts; outside them a date is a typo, not a query. */
function checkedDay(field: 'from' | 'to', value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const year = Number(value.slice(0, 4));
  if (!(year >= 1900 && year <= 2999)) throw invalidField(field, 'validation.date');
  return value;
}

function filtersOf(query: AuditLogQuery): AuditFilters {
  const from = checkedDay('from', query.from);
  const to = checkedDay('to', query.to);
  if (from !== undefined && to !== undefined && to < from) throw invalidField('to', 'validation.audit.beforeFrom');
  return { actorId: query.actorId, entity: query.entity, entityId: query.entityId, action: query.action, from, to };
}

/** Every id-shaped string in a snapshot, at any depth (owner, department, product, customer …). */
function collectIds(value: unknown, into: Set<string>): void {
  if (into.size >= MAX_REFERENCES) return;
  if (typeof value === 'string') {
    if (UUID.test(value)) into.add(value.toLowerCase());
  } else if (Array.isArray(value)) {
    for (const item of value) collectIds(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) collectIds(inner, into);
  }
}

export function createAuditLogService({ db }: { db: Db }) {
  return {
    /**
     * The audit entries the actor may read, newest first: per record type, only records within
     * their data scope and module permissions, with the fields their role hides removed.
     */
    async list(actor: Actor, query: AuditLogQuery): Promise<AuditPage> {
      const limit = query.limit ?? 50;
      const filters = filtersOf(query);
      const rows = await auditLogRepository.findPage(db, actor, {
        filters,
        cursor: decodeCursor(query.cursor, 'timestamp'),
        limit: limit + 1,
      });
      const page = keysetPage(rows, { limit, sortValueOf: (row) => row.atText });
      const items = page.rows.map(({ atText: _atText, ...row }) => ({
        ...row,
        before: visibleSnapshot(actor, row.entity, row.before),
        after: visibleSnapshot(actor, row.entity, row.after),
        at: new Date(row.at).toISOString(),
      }));
      const entityNames = await auditLogRepository.findEntityNames(
        db,
        actor.orgId,
        items.filter((item) => UUID.test(item.entityId)).map((item) => ({ entity: item.entity, id: item.entityId })),
      );
      const ids = new Set<string>();
      for (const item of items) {
        collectIds(item.before, ids);
        collectIds(item.after, ids);
      }
      const names = await auditLogRepository.findReferenceNames(db, actor, [...ids]);
      return {
        items: items.map((item): AuditEntry => ({
          ...item,
          entityName: entityNames.get(`${item.entity}:${item.entityId}`) ?? null,
        })),
        nextCursor: page.nextCursor,
        names: Object.fromEntries(names),
      };
    },
  };
}
