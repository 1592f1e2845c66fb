import {
  ALL_PERMISSIONS,
  FIELD_ACCESS,
  type FieldAccess,
  type FieldPermissions,
  type Locale,
  type Permission,
  type ProtectedField,
} from '@guanxi/contract';
import { widestScope } from '../scope/data-scope.js';
import type { Actor } from './actor.js';
import type { PrincipalRow } from './credentials.repository.js';

const KNOWN_PERMISSIONS = new Set<string>(ALL_PERMISSIONS);

/** Several roles: permissions add up, the widest scope and the most open field access win. */
export function actorFromPrincipal(row: PrincipalRow, request: { ip: string | null; requestId: string | null }): Actor {
  const permissions = new Set<Permission>();
  const fieldPermissions: FieldPermissions = {};
  for (const role of row.roles) {
    for (const p of role.permissions) if (KNOWN_PERMISSIONS.has(p)) permissions.add(p as Permission);
  }
  // A field a role does not mention is editable for that role, so it is only restricted when
  // every role restricts it.
  const fieldNames = new Set(row.roles.flatMap((r) => Object.keys(r.fieldPermissions)));
  for (const field of fieldNames) {
    let best = 0;
    for (const role of row.roles) {
      const access = (role.fieldPermissions[field] ?? 'edit') as FieldAccess;
      best = Math.max(best, FIELD_ACCESS.indexOf(access));
    }
    const access = FIELD_ACCESS[best];
    if (access && access !== 'edit') fieldPermissions[field as ProtectedField] = access;
  }
  return {
    orgId: row.org_id,
    orgName: row.org_name,
    orgCode: row.org_code,
    orgTimeZone: row.org_time_zone,
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    departmentId: row.department_id,
    locale: (row.locale === 'en' ? 'en' : 'zh-CN') as Locale,
    permissions,
    dataScope: widestScope(row.roles.map((r) => r.dataScope)),
    fieldPermissions,
    systemOperator: row.system_operator,
    ip: request.ip,
    requestId: request.requestId,
  };
}
