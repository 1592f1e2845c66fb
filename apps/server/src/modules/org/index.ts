import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';

export { createOrganization, insertDepartment, insertUser, countOrganizations } from './organizations.service.js';
export type { NewUser, NewDepartment, CreatedOrganization } from './organizations.service.js';
export { DEFAULT_ROLES } from './default-roles.js';

/** Routes for departments, users and roles (admin screens). */
export const orgRoutes =
  (_deps: { db: Db }): FastifyPluginAsyncTypebox =>
  async () => undefined;
