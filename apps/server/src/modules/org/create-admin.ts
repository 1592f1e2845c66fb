import { USERNAME_PATTERN } from '@guanxi/contract';
import { assertAcceptablePassword } from '../../platform/auth/passwords.js';
import type { Db } from '../../platform/db/client.js';
import type { OrganizationSeeder } from '../../platform/module-kit/module-definition.js';
import { AppError, invalidField } from '../../platform/errors/app-error.js';
import { deriveOrganizationCode, isOrganizationCodeTaken, normalizeOrganizationCode } from './organization-code.js';
import { countOrganizations, createOrganization, insertUser } from './organizations.service.js';

export interface NewOrganizationWithAdmin {
  name: string;
  /** The login code; derived from the name (and made unique) when absent. */
  code?: string;
  username: string;
  password: string;
  /** Make the administrator a system operator even when other organizations exist. */
  operator?: boolean;
  /** Every module's seeders for a new organization (modules/registry.ts). */
  seeders: readonly OrganizationSeeder[];
}

/**
 * `create-admin`: a new organization and its first administrator, in one transaction. The
 * administrator of the installation's first organization operates the installation, as the
 * issue-10 migration decided for installations that existed before system operators.
 */
export async function createOrganizationWithAdmin(
  db: Db,
  options: NewOrganizationWithAdmin,
): Promise<{ orgId: string; userId: string; code: string; systemOperator: boolean }> {
  // Checked here, not only by the API's schema: an `@` would make `name@code` sign-in ambiguous.
  if (!new RegExp(USERNAME_PATTERN).test(options.username)) throw invalidField('username', 'validation.username');
  const requested = options.code === undefined ? null : normalizeOrganizationCode(options.code);
  return db.transaction(async (tx) => {
    const code = requested ?? (await deriveOrganizationCode(tx, options.name));
    if (await isOrganizationCodeTaken(tx, code)) {
      throw new AppError('conflict', 'error.organizationCodeTaken', {
        fields: [{ field: 'code', key: 'validation.organizationCodeTaken' }],
      });
    }
    assertAcceptablePassword(options.password, {
      username: options.username,
      organization: { name: options.name, code },
    });
    const systemOperator = options.operator === true || (await countOrganizations(tx)) === 0;
    const { orgId, roleIds } = await createOrganization(tx, { name: options.name, code, seeders: options.seeders });
    const userId = await insertUser(tx, {
      orgId,
      username: options.username,
      displayName: options.username,
      password: options.password,
      departmentId: null,
      roleIds: [roleIds.admin!],
      systemOperator,
    });
    return { orgId, userId, code, systemOperator };
  });
}
