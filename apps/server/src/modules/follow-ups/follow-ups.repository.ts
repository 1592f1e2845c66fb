import { and, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { attachments, contacts, customers, followUps, leads, users } from '../../platform/db/schema/index.js';
import { updateVersioned, versionedWrites, type VersionKey } from '../../platform/db/versioned-rows.js';
import type { Cursor } from '../../platform/pagination.js';
import { customerReadScope, type ScopeActor } from '../../platform/scope/data-scope.js';
import { readableLeadScope } from '../leads/index.js';
import { keysetAfter } from '../../platform/db/keyset.js';
import { firstRow } from '../../platform/db/row-reads.js';

/** The data scope plus permissions: whether a lead's follow-ups are readable depends on both. */
export type FollowUpActor = ScopeActor & Pick<Actor, 'permissions'>;

const row = {
  id: followUps.id,
  customerId: followUps.customerId,
  customerName: customers.name,
  leadId: followUps.leadId,
  leadName: leads.name,
  opportunityId: followUps.opportunityId,
  type: followUps.type,
  content: followUps.content,
  occurredAt: followUps.occurredAt,
  nextContactAt: followUps.nextContactAt,
  contactIds: followUps.contactIds,
  authorId: followUps.authorId,
  authorName: users.displayName,
  createdAt: followUps.createdAt,
  updatedAt: followUps.updatedAt,
  version: followUps.version,
};
export interface FollowUpRow {
  id: string;
  customerId: string | null;
  customerName: string | null;
  leadId: string | null;
  leadName: string | null;
  opportunityId: string | null;
  type: string;
  content: string;
  occurredAt: Date;
  nextContactAt: Date | null;
  contactIds: string[];
  authorId: string;
  authorName: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface FollowUpFilters {
  customerId?: string | undefined;
  leadId?: string | undefined;
  opportunityId?: string | undefined;
  authorId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/**
 * A follow-up is visible exactly when its live parent is (security A3): the customer by the
 * customer read scope, the lead by the lead read scope.
 */
export function visibleFollowUp(actor: FollowUpActor): SQL {
  return sql`(${followUps.orgId} = ${actor.orgId} and (
    (${followUps.customerId} is not null and exists (select 1 from ${customers}
       where ${customers.orgId} = ${followUps.orgId} and ${customers.id} = ${followUps.customerId}
         and ${customers.deletedAt} is null and ${customerReadScope(actor, customers)}))
    or (${followUps.leadId} is not null and exists (select 1 from ${leads}
       where ${leads.orgId} = ${followUps.orgId} and ${leads.id} = ${followUps.leadId}
         and ${leads.deletedAt} is null and ${readableLeadScope(actor)}))))`;
}

const selectRows = (db: Executor) =>
  db
    .select({ ...row, sortValue: sql<string>`${followUps.occurredAt}::text` })
    .from(followUps)
    .leftJoin(users, and(eq(users.orgId, followUps.orgId), eq(users.id, followUps.authorId)))
    .leftJoin(customers, and(eq(customers.orgId, followUps.orgId), eq(customers.id, followUps.customerId)))
    .leftJoin(leads, and(eq(leads.orgId, followUps.orgId), eq(leads.id, followUps.leadId)));

const strip = <T extends { sortValue: string }>({ sortValue: _, ...r }: T) => r;

/** All SQL of follow-ups; every read is limited by the parent's scope. */
export const followUpsRepository = {
  /** Newest first by (occurred_at, id): one index range per parent or author, no OFFSET (bench W5). */
  async findPage(
    db: Executor,
    actor: FollowUpActor,
    options: { filters: FollowUpFilters; cursor: Cursor | null; limit: number },
  ): Promise<{ rows: FollowUpRow[]; sortValues: string[] }> {
    const { filters } = options;
    const conditions: SQL[] = [visibleFollowUp(actor), isNull(followUps.deletedAt)];
    if (filters.customerId) conditions.push(eq(followUps.customerId, filters.customerId));
    if (filters.leadId) conditions.push(eq(followUps.leadId, filters.leadId));
    if (filters.opportunityId) conditions.push(eq(followUps.opportunityId, filters.opportunityId));
    if (filters.authorId) conditions.push(eq(followUps.authorId, filters.authorId));
    if (filters.from) conditions.push(gte(followUps.occurredAt, filters.from));
    if (filters.to) conditions.push(lte(followUps.occurredAt, filters.to));
    if (options.cursor) {
      const { occurredAt: sort, id } = followUps;
      conditions.push(keysetAfter({ sort, id, cursor: options.cursor, cast: 'timestamptz', descending: true }));
    }
    const rows = await selectRows(db)
      .where(and(...conditions))
      .orderBy(desc(followUps.occurredAt), desc(followUps.id))
      .limit(options.limit);
    return { rows: rows.map(strip), sortValues: rows.map((r) => r.sortValue) };
  },

  /** A customer's latest live follow-ups with their authors' names, for an approval card (no user scope). */
  async findRecentOfCustomer(db: Executor, key: { orgId: string; customerId: string; limit: number }) {
    return db
      .select({
        type: followUps.type,
        content: followUps.content,
        occurredAt: followUps.occurredAt,
        authorName: users.displayName,
      })
      .from(followUps)
      .leftJoin(users, and(eq(users.orgId, followUps.orgId), eq(users.id, followUps.authorId)))
      .where(and(eq(followUps.orgId, key.orgId), eq(followUps.customerId, key.customerId), isNull(followUps.deletedAt)))
      .orderBy(desc(followUps.occurredAt), desc(followUps.id))
      .limit(key.limit);
  },

  async getById(db: Executor, actor: FollowUpActor, id: string): Promise<FollowUpRow | null> {
    const rows = await selectRows(db).where(
      and(visibleFollowUp(actor), eq(followUps.id, id), isNull(followUps.deletedAt)),
    );
    return rows[0] ? strip(rows[0]) : null;
  },

  /** Locks a live follow-up row (the caller has locked its parent first). */
  async lockById(
    db: Executor,
    orgId: string,
    id: string,
  ): Promise<{ id: string; version: number; deletedAt: Date | null } | null> {
    return firstRow(
      db
        .select({ id: followUps.id, version: followUps.version, deletedAt: followUps.deletedAt })
        .from(followUps)
        .where(and(eq(followUps.orgId, orgId), eq(followUps.id, id)))
        .for('update'),
    );
  },

  insert: versionedWrites(followUps).insert,

  /** Applies changes to a live follow-up when the version still matches; false when someone else changed it first. */
  update: (db: Executor, key: VersionKey, changes: Partial<typeof followUps.$inferInsert>): Promise<boolean> =>
    updateVersioned(db, followUps, key, changes, isNull(followUps.deletedAt)),

  /** How many of `ids` are live contacts of the customer. */
  async countContactsOf(db: Executor, orgId: string, customerId: string, ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const rows = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(contacts)
      .where(
        and(
          eq(contacts.orgId, orgId),
          eq(contacts.customerId, customerId),
          inArray(contacts.id, ids),
          isNull(contacts.deletedAt),
        ),
      );
    return rows[0]?.n ?? 0;
  },

  async contactNames(db: Executor, orgId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: contacts.id, name: contacts.name })
      .from(contacts)
      .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, ids)));
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  async attachmentsOf(db: Executor, orgId: string, followUpIds: string[]) {
    if (followUpIds.length === 0) return [];
    return db
      .select({
        id: attachments.id,
        entityId: attachments.entityId,
        fileName: attachments.fileName,
        contentType: attachments.contentType,
        sizeBytes: attachments.sizeBytes,
        createdAt: attachments.createdAt,
      })
      .from(attachments)
      .where(
        and(
          eq(attachments.orgId, orgId),
          eq(attachments.entity, 'follow_up'),
          inArray(attachments.entityId, followUpIds),
          isNull(attachments.deletedAt),
        ),
      )
      .orderBy(attachments.createdAt);
  },

  /**
   * Puts the parent's last follow-up time (the pool reclaim clock) and next contact time (of the
   * latest follow-up) back in step with its live follow-ups. Neither the version a client holds for
   * edits nor `updated_at` changes: logging a follow-up is not an edit of the customer.
   */
  async syncCustomer(db: Executor, orgId: string, customerId: string): Promise<void> {
    await db.execute(sql`update customers set
        last_follow_up_at = (select max(f.occurred_at) from follow_ups f
          where f.org_id = ${orgId} and f.customer_id = ${customerId} and f.deleted_at is null),
        next_contact_at = (select f.next_contact_at from follow_ups f
          where f.org_id = ${orgId} and f.customer_id = ${customerId} and f.deleted_at is null
          order by f.occurred_at desc, f.id desc limit 1)
      where org_id = ${orgId} and id = ${customerId}`);
  },

  async syncLead(db: Executor, orgId: string, leadId: string): Promise<void> {
    await db.execute(sql`update leads set
        last_follow_up_at = (select max(f.occurred_at) from follow_ups f
          where f.org_id = ${orgId} and f.lead_id = ${leadId} and f.deleted_at is null),
        next_contact_at = (select f.next_contact_at from follow_ups f
          where f.org_id = ${orgId} and f.lead_id = ${leadId} and f.deleted_at is null
          order by f.occurred_at desc, f.id desc limit 1)
      where org_id = ${orgId} and id = ${leadId}`);
  },
};
