import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { firstRow } from '../../platform/db/row-reads.js';
import { timestamptz } from '../../platform/db/row-values.js';
import {
  complaintCategories,
  complaintComments,
  complaints,
  contacts,
  customers,
  orders,
  products,
  serviceSettings,
  users,
} from '../../platform/db/schema/index.js';
import { versionedWrites } from '../../platform/db/versioned-rows.js';
import type { Cursor } from '../../platform/pagination.js';
import { customerReadScope, type ScopeActor, visibleOwnerIds } from '../../platform/scope/data-scope.js';

const c = complaints;
const handler = alias(users, 'handler');
const creator = alias(users, 'creator');

/**
 * Complaints the actor may see: those of a customer they may read (the customer's scope, as
 * salespeople and managers see their customers' tickets), and those handled by someone in their
 * scope (a handler sees the tickets given to them). Out of reach reads as not found.
 */
export function complaintReach(actor: ScopeActor): SQL {
  const owners = visibleOwnerIds(actor);
  if (owners === null) return sql`${c.orgId} = ${actor.orgId}`;
  return sql`(${c.orgId} = ${actor.orgId} and (${c.handlerId} in (${owners}) or exists (
    select 1 from ${customers} where ${customers.orgId} = ${c.orgId} and ${customers.id} = ${c.customerId}
      and ${customerReadScope(actor, customers)})))`;
}

const columns = {
  orgId: c.orgId,
  id: c.id,
  subject: c.subject,
  customerId: c.customerId,
  customerName: customers.name,
  customerOwnerId: customers.ownerId,
  contactId: c.contactId,
  contactName: sql<
    string | null
  >`(select ct.name from contacts ct where ct.org_id = ${c.orgId} and ct.id = ${c.contactId})`,
  productId: c.productId,
  productName: sql<
    string | null
  >`(select p.name from products p where p.org_id = ${c.orgId} and p.id = ${c.productId})`,
  orderId: c.orderId,
  orderNumber: sql<
    string | null
  >`(select o.order_no from orders o where o.org_id = ${c.orgId} and o.id = ${c.orderId})`,
  categoryId: c.categoryId,
  categoryNameZh: complaintCategories.nameZh,
  categoryNameEn: complaintCategories.nameEn,
  severity: c.severity,
  channel: c.channel,
  source: c.source,
  description: c.description,
  state: c.state,
  handlerId: c.handlerId,
  handlerName: handler.displayName,
  createdBy: c.createdBy,
  createdByName: creator.displayName,
  createdAt: c.createdAt,
  firstResponseDueAt: c.firstResponseDueAt,
  firstResponseWarnAt: c.firstResponseWarnAt,
  firstRespondedAt: c.firstRespondedAt,
  resolutionDueAt: c.resolutionDueAt,
  resolutionWarnAt: c.resolutionWarnAt,
  resolvedAt: c.resolvedAt,
  closedAt: c.closedAt,
  rootCause: c.rootCause,
  solution: c.solution,
  isRepeat: c.isRepeat,
  reopenCount: c.reopenCount,
  firstResponseWarned: c.firstResponseWarned,
  firstResponseBreached: c.firstResponseBreached,
  resolutionWarned: c.resolutionWarned,
  resolutionBreached: c.resolutionBreached,
  version: c.version,
};

export interface ComplaintFilters {
  state?: string | undefined;
  severity?: string | undefined;
  categoryId?: string | undefined;
  handlerId?: string | undefined;
  customerId?: string | undefined;
  mine?: boolean | undefined;
  overdue?: boolean | undefined;
}

const OPEN_STATES = sql`('new', 'assigned', 'in_progress')`;

function selectComplaints(db: Executor) {
  return db
    .select(columns)
    .from(c)
    .innerJoin(customers, and(eq(customers.orgId, c.orgId), eq(customers.id, c.customerId)))
    .innerJoin(creator, and(eq(creator.orgId, c.orgId), eq(creator.id, c.createdBy)))
    .leftJoin(handler, and(eq(handler.orgId, c.orgId), eq(handler.id, c.handlerId)))
    .leftJoin(
      complaintCategories,
      and(eq(complaintCategories.orgId, c.orgId), eq(complaintCategories.id, c.categoryId)),
    );
}
export type ComplaintRow = Awaited<ReturnType<ReturnType<typeof selectComplaints>['where']>>[number];

/** All SQL on complaints; every user-facing read and write goes through `complaintReach`. */
export const complaintsRepository = {
  ...versionedWrites(complaints),

  async getById(db: Executor, actor: ScopeActor, id: string): Promise<ComplaintRow | null> {
    const rows = await selectComplaints(db).where(and(complaintReach(actor), eq(c.id, id)));
    return rows[0] ?? null;
  },

  lockById(db: Executor, actor: ScopeActor, id: string) {
    return firstRow(
      db
        .select()
        .from(c)
        .where(and(complaintReach(actor), eq(c.id, id)))
        .for('update'),
    );
  },

  /** The queue: soonest resolution deadline first, keyset on (resolution_due_at, id). */
  async findPage(
    db: Executor,
    actor: ScopeActor,
    options: { filters: ComplaintFilters; now: Date; cursor: Cursor | null; limit: number },
  ): Promise<ComplaintRow[]> {
    const { filters, cursor } = options;
    const conditions: (SQL | undefined)[] = [complaintReach(actor)];
    if (filters.state === 'open') conditions.push(sql`${c.state} in ${OPEN_STATES}`);
    else if (filters.state) conditions.push(eq(c.state, filters.state));
    if (filters.severity) conditions.push(eq(c.severity, filters.severity));
    if (filters.categoryId)
      conditions.push(
        sql`${c.categoryId} in (with recursive tree(id) as (select ${filters.categoryId}::uuid union
          select k.id from complaint_categories k join tree on k.parent_id = tree.id where k.org_id = ${actor.orgId})
          select id from tree)`,
      );
    if (filters.handlerId) conditions.push(eq(c.handlerId, filters.handlerId));
    if (filters.customerId) conditions.push(eq(c.customerId, filters.customerId));
    if (filters.mine) conditions.push(eq(c.handlerId, actor.userId));
    if (filters.overdue) {
      const now = timestamptz(options.now);
      conditions.push(
        sql`${c.state} in ${OPEN_STATES} and (${c.resolutionDueAt} < ${now} or (${c.firstRespondedAt} is null and ${c.firstResponseDueAt} < ${now}))`,
      );
    }
    if (cursor)
      conditions.push(
        sql`(${c.resolutionDueAt}, ${c.id}) > (${String(cursor.value)}::timestamptz, ${cursor.id}::uuid)`,
      );
    return selectComplaints(db)
      .where(and(...conditions))
      .orderBy(asc(c.resolutionDueAt), asc(c.id))
      .limit(options.limit);
  },

  async comments(db: Executor, orgId: string, complaintId: string) {
    return db
      .select({
        id: complaintComments.id,
        kind: complaintComments.kind,
        text: complaintComments.text,
        authorId: complaintComments.authorId,
        authorName: users.displayName,
        createdAt: complaintComments.createdAt,
      })
      .from(complaintComments)
      .innerJoin(users, and(eq(users.orgId, complaintComments.orgId), eq(users.id, complaintComments.authorId)))
      .where(and(eq(complaintComments.orgId, orgId), eq(complaintComments.complaintId, complaintId)))
      .orderBy(asc(complaintComments.createdAt), asc(complaintComments.id));
  },

  async attachments(db: Executor, orgId: string, complaintId: string) {
    return queryRows<{
      id: string;
      fileName: string;
      contentType: string;
      sizeBytes: number;
      storageKey: string;
      createdAt: string | Date;
      createdByName: string | null;
    }>(
      db,
      sql`select a.id, a.file_name as "fileName", a.content_type as "contentType", a.size_bytes::int as "sizeBytes",
             a.storage_key as "storageKey", a.created_at as "createdAt", u.display_name as "createdByName"
        from attachments a left join users u on u.org_id = a.org_id and u.id = a.created_by
       where a.org_id = ${orgId} and a.entity = 'complaint' and a.entity_id = ${complaintId} and a.deleted_at is null
       order by a.created_at, a.id`,
    );
  },

  async insertAttachment(
    db: Executor,
    values: {
      orgId: string;
      id: string;
      entityId: string;
      fileName: string;
      contentType: string;
      sizeBytes: number;
      storageKey: string;
      createdBy: string;
      createdAt: Date;
    },
  ): Promise<void> {
    await db.execute(
      sql`insert into attachments (org_id, id, entity, entity_id, file_name, content_type, size_bytes, storage_key,
             created_by, created_at)
          values (${values.orgId}, ${values.id}, 'complaint', ${values.entityId}, ${values.fileName},
             ${values.contentType}, ${values.sizeBytes}, ${values.storageKey}, ${values.createdBy},
             ${values.createdAt.toISOString()}::timestamptz)`,
    );
  },

  async insertComment(db: Executor, values: typeof complaintComments.$inferInsert): Promise<void> {
    await db.insert(complaintComments).values(values);
  },

  /** A live customer the actor may read, with what assignment rules look at. */
  async readableCustomer(db: Executor, actor: ScopeActor, customerId: string) {
    return firstRow(
      db
        .select({ id: customers.id, ownerId: customers.ownerId, province: customers.province, name: customers.name })
        .from(customers)
        .where(
          and(customerReadScope(actor, customers), eq(customers.id, customerId), sql`${customers.deletedAt} is null`),
        ),
    );
  },

  async contactOfCustomer(db: Executor, orgId: string, customerId: string, contactId: string): Promise<boolean> {
    const rows = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(
        and(
          eq(contacts.orgId, orgId),
          eq(contacts.id, contactId),
          eq(contacts.customerId, customerId),
          sql`${contacts.deletedAt} is null`,
        ),
      );
    return rows.length > 0;
  },

  async orderOfCustomer(db: Executor, orgId: string, customerId: string, orderId: string): Promise<boolean> {
    const rows = await db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.orgId, orgId), eq(orders.id, orderId), eq(orders.customerId, customerId)));
    return rows.length > 0;
  },

  async productExists(db: Executor, orgId: string, productId: string): Promise<boolean> {
    const rows = await db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.orgId, orgId), eq(products.id, productId)));
    return rows.length > 0;
  },

  /** Another complaint of the customer opened since `since`: the new one is a repeat complaint. */
  async hasComplaintSince(db: Executor, orgId: string, customerId: string, since: Date): Promise<boolean> {
    const rows = await db
      .select({ id: c.id })
      .from(c)
      .where(and(eq(c.orgId, orgId), eq(c.customerId, customerId), sql`${c.createdAt} >= ${timestamptz(since)}`))
      .limit(1);
    return rows.length > 0;
  },

  /** An enabled user of the organization within the actor's scope (null scope: any). */
  async isAssignable(db: Executor, actor: ScopeActor, userId: string): Promise<boolean> {
    const owners = visibleOwnerIds(actor);
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.orgId, actor.orgId),
          eq(users.id, userId),
          sql`not ${users.disabled}`,
          owners === null ? undefined : sql`${users.id} in (${owners})`,
        ),
      );
    return rows.length > 0;
  },

  /** Whether an enabled user exists in the organization (assignment rules name them). */
  async isEnabledUser(db: Executor, orgId: string, userId: string): Promise<boolean> {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.id, userId), sql`not ${users.disabled}`));
    return rows.length > 0;
  },

  async managerOf(db: Executor, orgId: string, userId: string): Promise<string | null> {
    const row = await firstRow(
      db
        .select({ managerId: users.managerId })
        .from(users)
        .where(and(eq(users.orgId, orgId), eq(users.id, userId))),
    );
    return row?.managerId ?? null;
  },

  /** System read of the SLA job: tickets whose next warning or breach is due, of one organization or all. */
  async findSlaDue(db: Executor, options: { now: Date; orgId: string | null; limit: number }) {
    return db
      .select({ orgId: c.orgId, id: c.id })
      .from(c)
      .where(
        sql`${c.slaCheckAt} is not null and ${c.slaCheckAt} <= ${timestamptz(options.now)}
          ${options.orgId ? sql`and ${c.orgId} = ${options.orgId}` : sql``}`,
      )
      .orderBy(asc(c.slaCheckAt))
      .limit(options.limit);
  },

  lockForJob(db: Executor, orgId: string, id: string) {
    return firstRow(
      db
        .select({ row: c, subject: c.subject })
        .from(c)
        .where(and(eq(c.orgId, orgId), eq(c.id, id)))
        .for('update'),
    );
  },

  async markSla(db: Executor, key: { orgId: string; id: string }, changes: Partial<typeof complaints.$inferInsert>) {
    await db
      .update(c)
      .set(changes)
      .where(and(eq(c.orgId, key.orgId), eq(c.id, key.id)));
  },
};

/** Categories and settings: organization-wide configuration, no data scope. */
export const complaintSettingsRepository = {
  ...versionedWrites(complaintCategories),

  categories(db: Executor, orgId: string) {
    return db
      .select()
      .from(complaintCategories)
      .where(eq(complaintCategories.orgId, orgId))
      .orderBy(asc(complaintCategories.sortOrder), asc(complaintCategories.id));
  },

  category(db: Executor, orgId: string, id: string) {
    return firstRow(
      db
        .select()
        .from(complaintCategories)
        .where(and(eq(complaintCategories.orgId, orgId), eq(complaintCategories.id, id))),
    );
  },

  settings(db: Executor, orgId: string) {
    return firstRow(db.select().from(serviceSettings).where(eq(serviceSettings.orgId, orgId)));
  },

  async saveSettings(db: Executor, values: typeof serviceSettings.$inferInsert): Promise<void> {
    await db
      .insert(serviceSettings)
      .values(values)
      .onConflictDoUpdate({
        target: serviceSettings.orgId,
        set: {
          calendar: values.calendar,
          sla: values.sla,
          assignmentRules: values.assignmentRules ?? [],
          updatedAt: sql`now()`,
          version: sql`${serviceSettings.version} + 1`,
        },
      });
  },

  async insertCategories(db: Executor, values: (typeof complaintCategories.$inferInsert)[]): Promise<void> {
    if (values.length > 0) await db.insert(complaintCategories).values(values);
  },
};
