import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import {
  customers,
  memberLevelHistory,
  memberLevels,
  memberPointAdjustments,
  memberPointsLedger,
  members,
  memberSettings,
  orgSequences,
} from '../../platform/db/schema/index.js';
import { customerReadScope, type ScopeActor } from '../../platform/scope/data-scope.js';

export interface MemberRow {
  id: string;
  customerId: string;
  customerName: string;
  ownerName: string | null;
  memberNo: string;
  cardNo: string | null;
  joinedOn: string;
  storeId: string | null;
  storeName: string | null;
  levelId: string;
  levelNameZh: string;
  levelNameEn: string;
  discountBp: number;
  growthPoints: number;
  pointsBalance: number;
  birthday: string | null;
  lastPurchaseAt: string | Date | null;
  version: number;
}

const MEMBER_PREFIX = 'HY';

/** Columns of a member as the API shows it; `customers` is joined unaliased so the scope predicate applies. */
const memberColumns = sql`m.id, m.customer_id as "customerId", customers.name as "customerName", u.display_name as "ownerName",
  m.member_no as "memberNo", m.card_no as "cardNo", m.joined_on::text as "joinedOn", m.store_id as "storeId", d.name as "storeName",
  m.level_id as "levelId", l.name_zh as "levelNameZh", l.name_en as "levelNameEn", l.discount_bp as "discountBp",
  m.growth_points::float8 as "growthPoints", m.points_balance::float8 as "pointsBalance", customers.birthday::text as birthday,
  m.last_purchase_at as "lastPurchaseAt", m.version`;
const memberJoins = sql`from members m
  join customers on customers.org_id = m.org_id and customers.id = m.customer_id and customers.deleted_at is null
  join member_levels l on l.org_id = m.org_id and l.id = m.level_id
  left join departments d on d.org_id = m.org_id and d.id = m.store_id
  left join users u on u.org_id = m.org_id and u.id = customers.owner_id`;

export interface MemberFilters {
  levelId?: string | undefined;
  storeId?: string | undefined;
  joinedFrom?: string | undefined;
  joinedTo?: string | undefined;
  q?: string | undefined;
  afterId?: string | undefined;
}

export const membersRepository = {
  /** A page of members in the actor's customer scope, newest first (keyset on the time-ordered id). */
  async findPage(db: Executor, actor: ScopeActor, filters: MemberFilters, limit: number): Promise<MemberRow[]> {
    const conditions: SQL[] = [sql`m.org_id = ${actor.orgId}`, customerReadScope(actor, customers)];
    if (filters.levelId) conditions.push(sql`m.level_id = ${filters.levelId}`);
    if (filters.storeId) conditions.push(sql`m.store_id = ${filters.storeId}`);
    if (filters.joinedFrom) conditions.push(sql`m.joined_on >= ${filters.joinedFrom}::date`);
    if (filters.joinedTo) conditions.push(sql`m.joined_on <= ${filters.joinedTo}::date`);
    if (filters.afterId) conditions.push(sql`m.id < ${filters.afterId}`);
    const q = filters.q?.trim();
    if (q) {
      const digits = q.replace(/\D/g, '');
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const phone = digits.length >= 4 ? sql` or customers.phone_e164 like ${`%${digits}%`}` : sql``;
      conditions.push(
        sql`(m.member_no = ${q.toUpperCase()} or m.card_no = ${q} or customers.name ilike ${like}${phone})`,
      );
    }
    return queryRows<MemberRow>(
      db,
      sql`select ${memberColumns} ${memberJoins} where ${sql.join(conditions, sql` and `)} order by m.id desc limit ${limit}`,
    );
  },

  /** One member in the actor's scope (or any member of the organization, `actor` null: system jobs). */
  async get(db: Executor, orgId: string, actor: ScopeActor | null, where: { id?: string; customerId?: string }) {
    const conditions: SQL[] = [sql`m.org_id = ${orgId}`];
    if (actor) conditions.push(customerReadScope(actor, customers));
    if (where.id) conditions.push(sql`m.id = ${where.id}`);
    if (where.customerId) conditions.push(sql`m.customer_id = ${where.customerId}`);
    const [row] = await queryRows<MemberRow>(
      db,
      sql`select ${memberColumns} ${memberJoins} where ${sql.join(conditions, sql` and `)}`,
    );
    return row ?? null;
  },

  /** Locks the member row for a points change; the caller checked the scope or is a system handler. */
  async lock(db: Executor, orgId: string, where: { id?: string; customerId?: string }) {
    const conditions = [eq(members.orgId, orgId)];
    if (where.id) conditions.push(eq(members.id, where.id));
    if (where.customerId) conditions.push(eq(members.customerId, where.customerId));
    const [row] = await db
      .select()
      .from(members)
      .where(and(...conditions))
      .for('update');
    return row ?? null;
  },

  async insert(db: Executor, values: typeof members.$inferInsert): Promise<boolean> {
    const rows = await db.insert(members).values(values).onConflictDoNothing().returning({ id: members.id });
    return rows.length > 0;
  },

  async update(
    db: Executor,
    key: { orgId: string; id: string; version?: number },
    changes: Partial<typeof members.$inferInsert>,
  ): Promise<boolean> {
    const conditions = [eq(members.orgId, key.orgId), eq(members.id, key.id)];
    if (key.version !== undefined) conditions.push(eq(members.version, key.version));
    const rows = await db
      .update(members)
      .set({ ...changes, version: sql`${members.version} + 1`, updatedAt: new Date() })
      .where(and(...conditions))
      .returning({ id: members.id });
    return rows.length > 0;
  },

  async cardTaken(db: Executor, orgId: string, cardNo: string, exceptId?: string): Promise<boolean> {
    const rows = await db
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.orgId, orgId), eq(members.cardNo, cardNo)));
    return rows.some((r) => r.id !== exceptId);
  },

  /** The next member number: prefix + 8 digits from the organization's `member` sequence. */
  async nextMemberNo(db: Executor, orgId: string): Promise<string> {
    const rows = await db
      .insert(orgSequences)
      .values({ orgId, name: 'member', prefix: MEMBER_PREFIX, nextValue: 2 })
      .onConflictDoUpdate({
        target: [orgSequences.orgId, orgSequences.name],
        set: { nextValue: sql`${orgSequences.nextValue} + 1` },
      })
      .returning({ prefix: orgSequences.prefix, value: sql<number>`${orgSequences.nextValue} - 1` });
    const next = rows[0]!;
    return `${next.prefix}${String(next.value).padStart(8, '0')}`;
  },

  async insertLedger(db: Executor, values: typeof memberPointsLedger.$inferInsert): Promise<boolean> {
    const rows = await db
      .insert(memberPointsLedger)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: memberPointsLedger.id });
    return rows.length > 0;
  },

  /** The earn entry of an order, if the member earned points on it. */
  async ledgerOfOrder(db: Executor, orgId: string, orderId: string, kind: 'earn' | 'deduct') {
    const [row] = await db
      .select()
      .from(memberPointsLedger)
      .where(
        and(
          eq(memberPointsLedger.orgId, orgId),
          eq(memberPointsLedger.orderId, orderId),
          eq(memberPointsLedger.kind, kind),
        ),
      );
    return row ?? null;
  },

  async findLedger(
    db: Executor,
    key: { orgId: string; memberId: string; afterId?: string | undefined; limit: number },
  ) {
    const after = key.afterId ? sql`and p.id < ${key.afterId}` : sql``;
    return queryRows<{
      id: string;
      kind: string;
      points: number;
      growth: number;
      balanceAfter: number;
      reason: string | null;
      orderId: string | null;
      orderNo: string | null;
      createdByName: string | null;
      createdAt: string | Date;
    }>(
      db,
      sql`select p.id, p.kind, p.points::float8 as points, p.growth::float8 as growth, p.balance_after::float8 as "balanceAfter",
          p.reason, p.order_id as "orderId", o.order_no as "orderNo", u.display_name as "createdByName", p.created_at as "createdAt"
        from member_points_ledger p
        left join orders o on o.org_id = p.org_id and o.id = p.order_id
        left join users u on u.org_id = p.org_id and u.id = p.created_by
       where p.org_id = ${key.orgId} and p.member_id = ${key.memberId} ${after}
       order by p.id desc limit ${key.limit}`,
    );
  },

  async insertAdjustment(db: Executor, values: typeof memberPointAdjustments.$inferInsert): Promise<void> {
    await db.insert(memberPointAdjustments).values(values);
  },

  async getAdjustment(db: Executor, orgId: string, id: string) {
    const [row] = await db
      .select()
      .from(memberPointAdjustments)
      .where(and(eq(memberPointAdjustments.orgId, orgId), eq(memberPointAdjustments.id, id)));
    return row ?? null;
  },

  async lockAdjustment(db: Executor, orgId: string, id: string) {
    const [row] = await db
      .select()
      .from(memberPointAdjustments)
      .where(and(eq(memberPointAdjustments.orgId, orgId), eq(memberPointAdjustments.id, id)))
      .for('update');
    return row ?? null;
  },

  async updateAdjustment(
    db: Executor,
    key: { orgId: string; id: string },
    changes: Partial<typeof memberPointAdjustments.$inferInsert>,
  ): Promise<void> {
    await db
      .update(memberPointAdjustments)
      .set(changes)
      .where(and(eq(memberPointAdjustments.orgId, key.orgId), eq(memberPointAdjustments.id, key.id)));
  },

  async insertLevelChange(db: Executor, values: typeof memberLevelHistory.$inferInsert): Promise<void> {
    await db.insert(memberLevelHistory).values(values);
  },

  async findLevelHistory(db: Executor, orgId: string, memberId: string) {
    return queryRows<{
      id: string;
      fromLevelNameZh: string | null;
      fromLevelNameEn: string | null;
      toLevelNameZh: string;
      toLevelNameEn: string;
      growthPoints: number;
      createdAt: string | Date;
    }>(
      db,
      sql`select h.id, f.name_zh as "fromLevelNameZh", f.name_en as "fromLevelNameEn", t.name_zh as "toLevelNameZh",
          t.name_en as "toLevelNameEn", h.growth_points::float8 as "growthPoints", h.created_at as "createdAt"
        from member_level_history h
        left join member_levels f on f.org_id = h.org_id and f.id = h.from_level_id
        join member_levels t on t.org_id = h.org_id and t.id = h.to_level_id
       where h.org_id = ${orgId} and h.member_id = ${memberId}
       order by h.created_at desc, h.id desc limit 200`,
    );
  },

  async findLevels(db: Executor, orgId: string) {
    return db.select().from(memberLevels).where(eq(memberLevels.orgId, orgId)).orderBy(memberLevels.threshold);
  },

  async insertLevels(db: Executor, rows: (typeof memberLevels.$inferInsert)[]): Promise<void> {
    if (rows.length > 0) await db.insert(memberLevels).values(rows).onConflictDoNothing();
  },

  async updateLevel(
    db: Executor,
    key: { orgId: string; id: string; version: number },
    changes: Partial<typeof memberLevels.$inferInsert>,
  ) {
    const [row] = await db
      .update(memberLevels)
      .set({ ...changes, version: sql`${memberLevels.version} + 1`, updatedAt: new Date() })
      .where(and(eq(memberLevels.orgId, key.orgId), eq(memberLevels.id, key.id), eq(memberLevels.version, key.version)))
      .returning();
    return row ?? null;
  },

  async getSettings(db: Executor, orgId: string) {
    const [row] = await db.select().from(memberSettings).where(eq(memberSettings.orgId, orgId));
    return row ?? null;
  },

  /** Inserts (version 0 read) or updates the settings row with the version read; false when stale. */
  async saveSettings(
    db: Executor,
    orgId: string,
    values: { adjustApprovalThreshold: number; expiryMonths: number; version: number },
  ): Promise<boolean> {
    const { version, ...changes } = values;
    if (version === 0) {
      const rows = await db
        .insert(memberSettings)
        .values({ orgId, ...changes })
        .onConflictDoNothing()
        .returning({ orgId: memberSettings.orgId });
      return rows.length > 0;
    }
    const rows = await db
      .update(memberSettings)
      .set({ ...changes, version: sql`${memberSettings.version} + 1`, updatedAt: new Date() })
      .where(and(eq(memberSettings.orgId, orgId), eq(memberSettings.version, version)))
      .returning({ orgId: memberSettings.orgId });
    return rows.length > 0;
  },
};

/** Reads of other records a member refers to (a store is a department). */
export const memberReferences = {
  async departmentExists(db: Executor, orgId: string, id: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select id from departments where org_id = ${orgId} and id = ${id}`,
    );
    return rows.length > 0;
  },
};
