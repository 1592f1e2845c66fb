import { sql } from 'drizzle-orm';
import { check, index, pgTable, uuid, varchar, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { tenantKey, tenantPrimaryKey, tenantReference } from './columns.js';
import { departments, users } from './organizations.js';

/**
 * Pool admins (users) and members (users or whole departments): one table per kind of pool, all of
 * the same shape, so that platform/pools keeps membership for every kind. Constraint names follow
 * the table name, as the migrations created them.
 */
export function poolMembersTable<N extends string>(
  name: N,
  pools: { orgId: AnyPgColumn; id: AnyPgColumn },
  options: { departmentIndex?: boolean } = {},
) {
  return pgTable(
    name,
    {
      ...tenantKey(),
      poolId: uuid('pool_id').notNull(),
      role: varchar('role', { length: 10 }).notNull(),
      userId: uuid('user_id'),
      departmentId: uuid('department_id'),
    },
    (t) => [
      tenantPrimaryKey(t),
      tenantReference(t, t.poolId, pools).onDelete('cascade'),
      tenantReference(t, t.userId, users).onDelete('cascade'),
      tenantReference(t, t.departmentId, departments).onDelete('cascade'),
      check(`${name}_one_principal`, sql`(user_id is null) <> (department_id is null)`),
      index(`${name}_pool_idx`).on(t.orgId, t.poolId),
      index(`${name}_user_idx`).on(t.orgId, t.userId),
      ...(options.departmentIndex ? [index(`${name}_department_idx`).on(t.orgId, t.departmentId)] : []),
    ],
  );
}
