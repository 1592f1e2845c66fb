import { sql, type SQL } from 'drizzle-orm';

/** `values` as the inside of `in (…)`, each with `cast`; an empty list matches nothing. */
export const sqlList = (values: readonly string[], cast: SQL): SQL =>
  values.length === 0
    ? sql`null`
    : sql.join(
        values.map((v) => sql`${v}${cast}`),
        sql`, `,
      );

/**
 * Whether the report settings make a user write reports (domain §6): they hold one of the
 * required roles (by code) or belong to one of the required departments. `usersAlias` names the
 * `users` row of the surrounding query.
 */
export function isRequiredToReport(
  usersAlias: string,
  required: { roleCodes: readonly string[]; departmentIds: readonly string[] },
): SQL {
  const user = sql.identifier(usersAlias);
  return sql`(exists (select 1 from user_roles ur join roles ro on ro.org_id = ur.org_id and ro.id = ur.role_id
                       where ur.org_id = ${user}.org_id and ur.user_id = ${user}.id
                         and ro.code in (${sqlList(required.roleCodes, sql``)}))
              or ${user}.department_id in (${sqlList(required.departmentIds, sql`::uuid`)}))`;
}
