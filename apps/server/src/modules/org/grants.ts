import {
  DATA_SCOPES,
  FIELD_ACCESS,
  PROTECTED_FIELDS,
  type DataScope,
  type FieldAccess,
  type Permission,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';

/** What a role gives its holders. */
export interface Grant {
  permissions: readonly string[];
  dataScope: string;
  fieldPermissions: Readonly<Record<string, string | undefined>>;
}

export type Grantor = Pick<Actor, 'permissions' | 'dataScope' | 'fieldPermissions'>;

const scopeRank = (scope: string) => DATA_SCOPES.indexOf(scope as DataScope);
// A field a role does not mention is editable (platform/auth/principal.ts).
const accessRank = (access: string | undefined) => FIELD_ACCESS.indexOf((access ?? 'edit') as FieldAccess);

/**
 * True when the grant gives nothing the caller lacks: no permission they do not hold, no wider data
 * scope and no more open field access (security A8). Several roles add up, so checking each role
 * on its own also bounds what they give together.
 */
export function isWithinGrants(grantor: Grantor, grant: Grant): boolean {
  if (!grant.permissions.every((p) => grantor.permissions.has(p as Permission))) return false;
  if (scopeRank(grant.dataScope) > scopeRank(grantor.dataScope)) return false;
  // Custom fields (issue 14) are named by their key in either map; unmentioned ones are editable.
  const grantorAccess: Readonly<Record<string, string | undefined>> = grantor.fieldPermissions;
  const fields = new Set([...PROTECTED_FIELDS, ...Object.keys(grant.fieldPermissions), ...Object.keys(grantorAccess)]);
  return [...fields].every((field) => accessRank(grant.fieldPermissions[field]) <= accessRank(grantorAccess[field]));
}

export function assertWithinGrants(grantor: Grantor, grants: readonly Grant[]): void {
  if (!grants.every((grant) => isWithinGrants(grantor, grant))) throw new AppError('forbidden', 'error.escalation');
}

export const ownRoleError = () => new AppError('forbidden', 'error.ownRole');
