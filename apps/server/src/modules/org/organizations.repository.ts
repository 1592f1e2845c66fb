import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { departments, organizations, orgSequences, roles, userRoles, users } from '../../platform/db/schema/index.js';

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
  async countOrganizations(db: Executor): Promise<number> {
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(organizations);
    return rows[0]?.n ?? 0;
  },
};
