import type { DataScope, FieldPermissions, Locale, Permission } from '@guanxi/contract';

/** Who is calling: resolved once per request from the session or API token. */
export interface Actor {
  orgId: string;
  orgName: string;
  /** The organization's login code (sign-in names it; passwords must not contain it). */
  orgCode: string;
  /** The organization's IANA time zone: its calendar days are the ones "today" and periods mean. */
  orgTimeZone: string;
  userId: string;
  username: string;
  displayName: string;
  departmentId: string | null;
  locale: Locale;
  permissions: ReadonlySet<Permission>;
  dataScope: DataScope;
  fieldPermissions: FieldPermissions;
  /** Operates the installation: may run the jobs that span every organization (issue 10). */
  systemOperator: boolean;
  ip: string | null;
  requestId: string | null;
}

export const hasPermission = (actor: Actor, permission: Permission): boolean => actor.permissions.has(permission);
