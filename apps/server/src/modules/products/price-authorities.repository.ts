import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { priceAuthorities, roles } from '../../platform/db/schema/index.js';

export interface PriceAuthorityDbRow {
  id: string;
  roleId: string;
  roleCode: string;
  roleName: string;
  stage: string | null;
  basis: string;
  percentBp: number;
  updatedAt: Date;
}

/** All SQL on the price-authority matrix of an organization. */
export const priceAuthoritiesRepository = {
  async list(db: Executor, orgId: string): Promise<PriceAuthorityDbRow[]> {
    return db
      .select({
        id: priceAuthorities.id,
        roleId: priceAuthorities.roleId,
        roleCode: roles.code,
        roleName: roles.name,
        stage: priceAuthorities.stage,
        basis: priceAuthorities.basis,
        percentBp: priceAuthorities.percentBp,
        updatedAt: priceAuthorities.updatedAt,
      })
      .from(priceAuthorities)
      .innerJoin(roles, and(eq(roles.orgId, priceAuthorities.orgId), eq(roles.id, priceAuthorities.roleId)))
      .where(eq(priceAuthorities.orgId, orgId))
      .orderBy(asc(roles.code), sql`${priceAuthorities.stage} nulls first`);
  },

  /**
   * Serializes replacements of one organization's matrix (a transaction-scoped advisory lock), so
   * two concurrent saves cannot interleave their delete and insert.
   */
  async lockMatrix(db: Executor, orgId: string): Promise<void> {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext('price_authorities:' || ${orgId}))`);
  },

  async allRoles(db: Executor, orgId: string) {
    return db
      .select({ id: roles.id, code: roles.code, name: roles.name })
      .from(roles)
      .where(eq(roles.orgId, orgId))
      .orderBy(desc(roles.builtIn), asc(roles.code));
  },

  /** Role ids by code, for the given role ids or codes of the organization. */
  async rolesOf(db: Executor, orgId: string, filter: { ids?: string[]; codes?: string[] }) {
    const conditions = [eq(roles.orgId, orgId)];
    if (filter.ids) conditions.push(inArray(roles.id, filter.ids));
    if (filter.codes) conditions.push(inArray(roles.code, filter.codes));
    return db
      .select({ id: roles.id, code: roles.code })
      .from(roles)
      .where(and(...conditions));
  },

  async deleteAll(db: Executor, orgId: string): Promise<void> {
    await db.delete(priceAuthorities).where(eq(priceAuthorities.orgId, orgId));
  },

  async insertMany(db: Executor, values: (typeof priceAuthorities.$inferInsert)[]): Promise<void> {
    if (values.length) await db.insert(priceAuthorities).values(values);
  },
};
