import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import {
  approvalFlows,
  approvalRequests,
  auditLog,
  contacts,
  customerPools,
  customers,
  departments,
  leadPools,
  leads,
  opportunities,
  orders,
  productCategories,
  products,
  roles,
  salesProcesses,
  salesProcessStages,
  savedViews,
  tasks,
  users,
  warehouses,
} from '../../platform/db/schema/index.js';
import type { Cursor } from '../../platform/pagination.js';
import { customerReadScope } from '../../platform/scope/data-scope.js';
import { auditVisibility, type AuditReader } from './audit-log.scope.js';

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

export interface AuditFilters {
  actorId?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  /** First and last local day (YYYY-MM-DD) in the organization's time zone, both included. */
  from?: string | undefined;
  to?: string | undefined;
}

type Named = PgTable & { orgId: AnyPgColumn; id: AnyPgColumn };

/** Where a kind of record keeps the name or number people know it by. */
const ENTITY_NAMES: Record<string, [Named, AnyPgColumn]> = {
  customer: [customers, customers.name],
  customer_credit: [customers, customers.name],
  contact: [contacts, contacts.name],
  lead: [leads, leads.name],
  opportunity: [opportunities, opportunities.name],
  order: [orders, orders.orderNo],
  payment_plan: [orders, orders.orderNo],
  task: [tasks, tasks.title],
  approval_request: [approvalRequests, approvalRequests.title],
  user: [users, users.displayName],
  role: [roles, roles.name],
  department: [departments, departments.name],
  product: [products, products.name],
  product_category: [productCategories, productCategories.name],
  warehouse: [warehouses, warehouses.name],
  customer_pool: [customerPools, customerPools.name],
  lead_pool: [leadPools, leadPools.name],
  sales_process: [salesProcesses, salesProcesses.name],
  approval_flow: [approvalFlows, approvalFlows.name],
  saved_view: [savedViews, savedViews.name],
};

/** Directory records a snapshot may point at by id (owner, department, product …). */
const REFERENCES: [Named, AnyPgColumn][] = [
  [users, users.displayName],
  [departments, departments.name],
  [roles, roles.name],
  [products, products.name],
  [warehouses, warehouses.name],
  [customerPools, customerPools.name],
  [leadPools, leadPools.name],
  [salesProcessStages, salesProcessStages.name],
];

const namesOf = (table: Named, name: AnyPgColumn, key: { orgId: string; ids: string[] }, extra: SQL = sql`true`) =>
  sql`select ${table.id}::text as id, ${name}::text as name from ${table}
       where ${table.orgId} = ${key.orgId} and ${inArray(table.id, key.ids)} and ${extra}`;

/** Reads of the append-only audit log (design §3); the application never updates or deletes it. */
export const auditLogRepository = {
  /**
   * Newest first, after the cursor: the rows the reader may see (per entity type, the record's own
   * permission and data scope — `auditVisibility`), narrowed by the allow-listed filters.
   */
  async findPage(
    db: Executor,
    reader: AuditReader,
    options: { filters: AuditFilters; cursor: Cursor | null; limit: number },
  ): Promise<AuditRow[]> {
    const { filters, cursor } = options;
    const conditions: SQL[] = [eq(auditLog.orgId, reader.orgId)];
    const visible = auditVisibility(reader);
    if (visible) conditions.push(visible);
    if (filters.actorId) conditions.push(eq(auditLog.actorId, filters.actorId));
    if (filters.entity) conditions.push(eq(auditLog.entity, filters.entity));
    if (filters.entityId) conditions.push(eq(auditLog.entityId, filters.entityId));
    if (filters.action) conditions.push(eq(auditLog.action, filters.action));
    // Local days of the organization: the zone is read once per statement (an init plan), so the bounds stay index ranges.
    const zone = sql`(select o.time_zone from organizations o where o.id = ${reader.orgId})`;
    if (filters.from) conditions.push(sql`${auditLog.at} >= (${filters.from}::date)::timestamp at time zone ${zone}`);
    if (filters.to) conditions.push(sql`${auditLog.at} < (${filters.to}::date + 1)::timestamp at time zone ${zone}`);
    if (cursor) {
      conditions.push(
        sql`(${auditLog.at}, ${auditLog.id}) < (${String(cursor.value)}::timestamptz, ${cursor.id}::uuid)`,
      );
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

  /** Names of the audited records of one page, keyed `entity:id` (records since deleted have none). */
  async findEntityNames(
    db: Executor,
    orgId: string,
    refs: readonly { entity: string; id: string }[],
  ): Promise<Map<string, string>> {
    const byEntity = new Map<string, string[]>();
    for (const { entity, id } of refs)
      if (ENTITY_NAMES[entity]) byEntity.set(entity, [...(byEntity.get(entity) ?? []), id]);
    if (byEntity.size === 0) return new Map();
    const parts = [...byEntity].map(([entity, ids]) => {
      const [table, name] = ENTITY_NAMES[entity]!;
      return sql`select ${entity}::text as entity, n.id, n.name from (${namesOf(table, name, { orgId, ids })}) n`;
    });
    const rows = await queryRows<{ entity: string; id: string; name: string }>(db, sql.join(parts, sql` union all `));
    return new Map(rows.map((r) => [`${r.entity}:${r.id}`, r.name]));
  },

  /**
   * Display names for ids found in snapshots: people, departments, roles, products, warehouses,
   * pools, sales stages, and customers within the reader's customer read scope.
   */
  async findReferenceNames(db: Executor, reader: AuditReader, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const key = { orgId: reader.orgId, ids: [...ids] };
    const parts = [
      ...REFERENCES.map(([table, name]) => namesOf(table, name, key)),
      namesOf(customers, customers.name, key, customerReadScope(reader, customers)),
    ];
    const rows = await queryRows<{ id: string; name: string }>(db, sql.join(parts, sql` union all `));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};
