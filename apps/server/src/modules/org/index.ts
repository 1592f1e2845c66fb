import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { auditLogRoutes } from './audit-log.routes.js';
import { departmentsRoutes } from './departments.routes.js';
import { organizationSettingsRoutes } from './organization-settings.routes.js';
import { rolesRoutes } from './roles.routes.js';
import { usersRoutes } from './users.routes.js';
import { defineModule } from '../../platform/module-kit/module-definition.js';
import { orgMessages } from './org.messages.js';

export { createOrganization, insertDepartment, insertUser, countOrganizations } from './organizations.service.js';
export { createOrganizationWithAdmin } from './create-admin.js';
export type { NewUser, NewDepartment, CreatedOrganization, NewOrganizationOptions } from './organizations.service.js';
export { DEFAULT_ROLES, ADMIN_ROLE_CODE } from './default-roles.js';
export { isUniqueViolation } from './unique-violation.js';
export { deactivateUserWithin, findEnabledUserNames, findManagedUsers, getManagedUser } from './user-deactivation.js';
export { syncBuiltInRoles } from './role-sync.service.js';
export type { RoleSyncChange } from './role-sync.service.js';

/** Routes for departments, users, roles, the audit log and the organization's own settings (admin screens). */
const orgRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    await app.register(departmentsRoutes({ db }));
    await app.register(usersRoutes({ db }));
    await app.register(rolesRoutes({ db }));
    await app.register(auditLogRoutes({ db }));
    await app.register(organizationSettingsRoutes({ db }));
  };

export const orgModule = defineModule({ name: 'org', messages: orgMessages, routes: orgRoutes });
