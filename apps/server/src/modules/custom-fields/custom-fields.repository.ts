import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.js';
import { customFieldDefinitions, users } from '../../platform/db/schema/index.js';
import { byKey, firstRow } from '../../platform/db/row-reads.js';
import { versionedWrites } from '../../platform/db/versioned-rows.js';

export type CustomFieldRow = typeof customFieldDefinitions.$inferSelect;

/** A parsed list filter: exact JSON containment, or a text field containing a phrase. */
export type CustomFieldCondition =
  | { key: string; kind: 'equals'; value: string | number }
  | { key: string; kind: 'holds'; value: string }
  | { key: string; kind: 'contains'; value: string };

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A record's custom-field filter as SQL on its `custom_fields` column. Containment (`@>`) is what
 * the column's GIN index (jsonb_path_ops) serves; text is matched by ILIKE on the key's value.
 */
export function customFieldConditionSql(column: AnyPgColumn, condition: CustomFieldCondition): SQL {
  if (condition.kind === 'contains') {
    return sql`(${column} ->> ${condition.key}::text) ilike ${likePattern(condition.value)}`;
  }
  const value = condition.kind === 'holds' ? [condition.value] : condition.value;
  return sql`${column} @> ${JSON.stringify({ [condition.key]: value })}::jsonb`;
}

/** Custom field definitions are an organization setting: everyone of the organization reads them. */
export const customFieldsRepository = {
  ...versionedWrites(customFieldDefinitions),

  /** Live fields first by their order, archived ones after them. */
  async findAll(db: Executor, orgId: string, entities: readonly string[]): Promise<CustomFieldRow[]> {
    if (entities.length === 0) return [];
    return db
      .select()
      .from(customFieldDefinitions)
      .where(and(eq(customFieldDefinitions.orgId, orgId), inArray(customFieldDefinitions.entity, [...entities])))
      .orderBy(
        asc(customFieldDefinitions.entity),
        sql`${customFieldDefinitions.deletedAt} is not null`,
        asc(customFieldDefinitions.sortOrder),
        asc(customFieldDefinitions.key),
      );
  },

  async findLive(db: Executor, orgId: string, entity: string): Promise<CustomFieldRow[]> {
    return db
      .select()
      .from(customFieldDefinitions)
      .where(
        and(
          eq(customFieldDefinitions.orgId, orgId),
          eq(customFieldDefinitions.entity, entity),
          isNull(customFieldDefinitions.deletedAt),
        ),
      )
      .orderBy(asc(customFieldDefinitions.sortOrder), asc(customFieldDefinitions.key));
  },

  async lockById(db: Executor, orgId: string, id: string): Promise<CustomFieldRow | null> {
    return firstRow(
      db.select().from(customFieldDefinitions).where(byKey(customFieldDefinitions, { orgId, id })).for('update'),
    );
  },

  async keysLike(db: Executor, orgId: string, entity: string, prefix: string): Promise<string[]> {
    const rows = await db
      .select({ key: customFieldDefinitions.key })
      .from(customFieldDefinitions)
      .where(
        and(
          eq(customFieldDefinitions.orgId, orgId),
          eq(customFieldDefinitions.entity, entity),
          sql`${customFieldDefinitions.key} like ${`${prefix}%`}`,
        ),
      );
    return rows.map((r) => r.key);
  },

  async nextSortOrder(db: Executor, orgId: string, entity: string): Promise<number> {
    const rows = await db
      .select({ n: sql<number>`coalesce(max(${customFieldDefinitions.sortOrder}), 0)::int + 10` })
      .from(customFieldDefinitions)
      .where(and(eq(customFieldDefinitions.orgId, orgId), eq(customFieldDefinitions.entity, entity)));
    return rows[0]?.n ?? 10;
  },

  /** The ids among these that are enabled users of the organization (a person field names a colleague). */
  async findEnabledUserIds(db: Executor, orgId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, orgId), inArray(users.id, [...ids]), eq(users.disabled, false)));
    return new Set(rows.map((r) => r.id));
  },

  /** Display names of the organization's users by id (person fields in a file; names are no scoped data). */
  async findOrganizationUserNames(db: Executor, orgId: string): Promise<Map<string, string>> {
    const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.orgId, orgId));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};
