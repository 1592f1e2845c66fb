import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { warehouses } from '../../platform/db/schema/index.js';
import { versionedWrites } from '../../platform/db/versioned-rows.js';
import { firstRow } from '../../platform/db/row-reads.js';

export type WarehouseRow = typeof warehouses.$inferSelect;

/** SQL on warehouses; they belong to the organization as a whole (no data scope beyond org_id). */
export const warehousesRepository = {
  async list(db: Executor, orgId: string): Promise<WarehouseRow[]> {
    return db
      .select()
      .from(warehouses)
      .where(eq(warehouses.orgId, orgId))
      .orderBy(sql`${warehouses.isDefault} desc`, asc(warehouses.code));
  },

  async getById(db: Executor, orgId: string, id: string): Promise<WarehouseRow | null> {
    return firstRow(
      db
        .select()
        .from(warehouses)
        .where(and(eq(warehouses.orgId, orgId), eq(warehouses.id, id))),
    );
  },

  async lockById(db: Executor, orgId: string, id: string): Promise<WarehouseRow | null> {
    return firstRow(
      db
        .select()
        .from(warehouses)
        .where(and(eq(warehouses.orgId, orgId), eq(warehouses.id, id)))
        .for('update'),
    );
  },

  async codeTaken(db: Executor, orgId: string, code: string, exceptId?: string): Promise<boolean> {
    const rows = await db
      .select({ id: warehouses.id })
      .from(warehouses)
      .where(
        and(eq(warehouses.orgId, orgId), eq(warehouses.code, code), ...(exceptId ? [ne(warehouses.id, exceptId)] : [])),
      );
    return rows.length > 0;
  },

  /** Clears the current default (before another becomes it: the partial unique index allows one). */
  async clearDefault(db: Executor, orgId: string, exceptId?: string) {
    return db
      .update(warehouses)
      .set({ isDefault: false, updatedAt: sql`now()`, version: sql`${warehouses.version} + 1` })
      .where(
        and(
          eq(warehouses.orgId, orgId),
          eq(warehouses.isDefault, true),
          ...(exceptId ? [ne(warehouses.id, exceptId)] : []),
        ),
      )
      .returning({ id: warehouses.id, version: warehouses.version });
  },

  ...versionedWrites(warehouses),
};
