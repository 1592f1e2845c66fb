import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { departments, organizations, orgSequences, roles, userRoles, users } from '../../platform/db/schema/index.js';
import { firstRow } from '../../platform/db/row-reads.js';

/** SQL used to set up an organization: the org row, its roles, departments and first users. */
export const organizationsRepository = {
  async insertOrganization(db: Executor, org: { id: string; name: string; code: string }) {
    await db.insert(organizations).values(org);
  },
  async insertRoles(db: Executor, rows: (typeof roles.$inferInsert)[]) {
    if (rows.length) await db.insert(roles).values(rows);
  },
  async insertDepartment(db: Executor, row: typeof departments.$inferInsert) {
    await db.insert(departments).values(row);
  },
  async insertUser(db: Executor, row: typeof users.$inferInsert, roleIds: readonly string[]) {
    await db.insert(users).values(row);
    if (roleIds.length) {
      await db.insert(userRoles).values(roleIds.map((roleId) => ({ orgId: row.orgId, userId: row.id, roleId })));
    }
  },
  async insertSequence(db: Executor, row: typeof orgSequences.$inferInsert) {
    await db.insert(orgSequences).values(row);
  },
  /** Codes (lower case) equal to `prefix` or starting with it: the candidates a new code must avoid. */
  async findCodesStartingWith(db: Executor, prefix: string): Promise<string[]> {
    const rows = await db
      .select({ code: sql<string>`lower(${organizations.code})` })
      .from(organizations)
      .where(sql`starts_with(lower(${organizations.code}), ${prefix.toLowerCase()})`);
    return rows.map((r) => r.code);
  },
  async getById(db: Executor, orgId: string): Promise<{ id: string; name: string; code: string } | null> {
    return firstRow(
      db
        .select({ id: organizations.id, name: organizations.name, code: organizations.code })
        .from(organizations)
        .where(eq(organizations.id, orgId)),
    );
  },
  /** Locks the organization row, so a code change and its audit entry see one state. */
  async lockById(db: Executor, orgId: string): Promise<{ id: string; name: string; code: string } | null> {
    return firstRow(
      db
        .select({ id: organizations.id, name: organizations.name, code: organizations.code })
        .from(organizations)
        .where(eq(organizations.id, orgId))
        .for('update'),
    );
  },
  async updateCode(db: Executor, orgId: string, code: string): Promise<void> {
    await db.update(organizations).set({ code }).where(eq(organizations.id, orgId));
  },
  async countOrganizations(db: Executor): Promise<number> {
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(organizations);
    return rows[0]?.n ?? 0;
  },
};
