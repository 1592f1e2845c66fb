import type { Locale } from '@guanxi/contract';
import { hashPassword } from '../../platform/auth/passwords.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import type { OrganizationSeeder } from '../../platform/module-kit/module-definition.js';
import { DEFAULT_ROLES, templatePermissionsOf } from './default-roles.js';
import { organizationsRepository } from './organizations.repository.js';

export interface CreatedOrganization {
  orgId: string;
  /** The login code (sign-in names it when the installation has several organizations). */
  code: string;
  /** Role id by role code. */
  roleIds: Record<string, string>;
}

export interface NewOrganizationOptions {
  name: string;
  code?: string;
  locale?: Locale;
  /**
   * What the other modules put into a new organization (modules/registry.ts `organizationSeeders`),
   * handed in by the caller so that this module needs none of them.
   */
  seeders: readonly OrganizationSeeder[];
}

/**
 * Creates an organization with the default roles, the customer-number sequence and every module's
 * defaults, inside the caller's transaction. Used by the demo seed, `create-admin` and tests.
 */
export async function createOrganization(tx: Executor, options: NewOrganizationOptions): Promise<CreatedOrganization> {
  const orgId = newId();
  const locale = options.locale ?? 'zh-CN';
  // The random tail of a UUIDv7 is unique enough for a default; sign-in names the code (issue 10).
  const code = options.code ?? `org-${orgId.replaceAll('-', '').slice(-12)}`;
  await organizationsRepository.insertOrganization(tx, { id: orgId, name: options.name, code });
  const roleIds: Record<string, string> = {};
  await organizationsRepository.insertRoles(
    tx,
    DEFAULT_ROLES.map((template) => {
      const id = newId();
      roleIds[template.code] = id;
      return {
        orgId,
        id,
        code: template.code,
        name: template.name[locale],
        permissions: template.permissions,
        dataScope: template.dataScope,
        fieldPermissions: template.fieldPermissions ?? {},
        builtIn: true,
        // The sync baseline: later template additions reach this role, later admin removals stay.
        templatePermissions: templatePermissionsOf(template),
      };
    }),
  );
  await organizationsRepository.insertSequence(tx, { orgId, name: 'customer', prefix: 'KH', nextValue: 1 });
  for (const seed of options.seeders) await seed(tx, { orgId, locale });
  await recordAudit(
    tx,
    { orgId, userId: null, ip: null, requestId: null },
    {
      action: 'create',
      entity: 'organization',
      entityId: orgId,
      after: { name: options.name, code },
    },
  );
  return { orgId, code, roleIds };
}

export interface NewDepartment {
  orgId: string;
  name: string;
  parentId: string | null;
  sortOrder?: number;
}

export async function insertDepartment(tx: Executor, department: NewDepartment): Promise<string> {
  const id = newId();
  await organizationsRepository.insertDepartment(tx, { id, ...department });
  return id;
}

export interface NewUser {
  orgId: string;
  username: string;
  displayName: string;
  password?: string;
  /** A precomputed hash, so bulk seeding does not hash the same password again and again. */
  passwordHash?: string;
  departmentId: string | null;
  managerId?: string | null;
  roleIds: string[];
  locale?: Locale;
  email?: string | null;
  mobile?: string | null;
  /** Operates the installation (issue 10): `create-admin --operator`, the demo administrator. */
  systemOperator?: boolean;
}

export async function insertUser(tx: Executor, user: NewUser): Promise<string> {
  const id = newId();
  const passwordHash = user.passwordHash ?? (await hashPassword(user.password ?? ''));
  await organizationsRepository.insertUser(
    tx,
    {
      orgId: user.orgId,
      id,
      username: user.username,
      displayName: user.displayName,
      passwordHash,
      departmentId: user.departmentId,
      managerId: user.managerId ?? null,
      locale: user.locale ?? 'zh-CN',
      email: user.email ?? null,
      mobile: user.mobile ?? null,
      systemOperator: user.systemOperator ?? false,
    },
    user.roleIds,
  );
  return id;
}

export const countOrganizations = (db: Executor) => organizationsRepository.countOrganizations(db);
