import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { DataScope, FieldPermissions, Permission } from '@guanxi/contract';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../platform/config/config.js';
import type { Database } from '../platform/db/client.js';
import { newId } from '../platform/db/ids.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { LoginThrottle } from '../platform/auth/login-throttle.js';
import { organizationsRepository } from '../modules/org/organizations.repository.js';
import { createOrganization, insertDepartment, insertUser } from '../modules/org/index.js';
import { organizationSeeders } from '../modules/registry.js';
import { createTestDatabase } from './test-database.js';
import { multipartBody, type UploadPart } from './multipart.js';

/** Tests inside a module take the seeders from here: a module importing the registry would close a cycle. */
export { organizationSeeders };

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | null = null;
const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

export interface TestUser {
  id: string;
  orgId: string;
  username: string;
}

/** A signed-in client: requests carry the session cookie and the CSRF header like the web app. */
export interface Client {
  user: TestUser;
  cookie: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body: object): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  /** A multipart upload, the file in the field `file`, as the web app's FormData sends it. */
  upload(url: string, file: UploadPart, fields?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  loginThrottle: LoginThrottle;
  createOrg(name?: string): Promise<{ orgId: string; code: string; roleIds: Record<string, string> }>;
  createDepartment(orgId: string, name: string, parentId?: string | null): Promise<string>;
  createRole(
    orgId: string,
    role: { code: string; permissions: Permission[]; dataScope: DataScope; fieldPermissions?: FieldPermissions },
  ): Promise<string>;
  createUser(options: {
    orgId: string;
    username?: string;
    roleIds: string[];
    departmentId?: string | null;
    managerId?: string | null;
  }): Promise<TestUser>;
  /** Signs in a test user to their organization, or a login name as given (`name@code` names one). */
  login(user: TestUser | string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

let counter = 0;
export const uniqueName = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

/** One app over one fresh database per test file (style rule 11). */
export async function createTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const { database, drop } = await createTestDatabase();
  const config = loadConfig({}, { logLevel: 'silent', webDistDir: '/nonexistent', ...overrides });
  const loginThrottle = new LoginThrottle();
  const app = await buildApp({ config, database, logger: false, loginThrottle });
  await app.ready();
  const db = database.db;

  const clientFor = (user: TestUser, cookie: string): Client => {
    const request = (options: InjectOptions) =>
      app.inject({
        ...options,
        headers: {
          'x-requested-with': 'XMLHttpRequest',
          cookie: `guanxi_session=${cookie}`,
          ...(options.headers ?? {}),
        },
      });
    return {
      user,
      cookie,
      request,
      get: (url) => request({ method: 'GET', url }),
      post: (url, body) => request({ method: 'POST', url, ...(body === undefined ? {} : { payload: body as object }) }),
      patch: (url, body) => request({ method: 'PATCH', url, payload: body as object }),
      put: (url, payload) => request({ method: 'PUT', url, payload }),
      delete: (url) => request({ method: 'DELETE', url }),
      upload: (url, file, fields) => request({ method: 'POST', url, ...multipartBody(file, fields) }),
    };
  };

  return {
    app,
    database,
    loginThrottle,
    createOrg: (name = uniqueName('Org ')) =>
      db.transaction((tx) => createOrganization(tx, { name, seeders: organizationSeeders })),
    createDepartment: (orgId, name, parentId = null) =>
      db.transaction((tx) => insertDepartment(tx, { orgId, name, parentId })),
    async createRole(orgId, role) {
      const id = newId();
      await organizationsRepository.insertRoles(db, [
        {
          orgId,
          id,
          code: role.code,
          name: role.code,
          permissions: role.permissions,
          dataScope: role.dataScope,
          fieldPermissions: role.fieldPermissions ?? {},
        },
      ]);
      return id;
    },
    async createUser(options) {
      const username = options.username ?? uniqueName('user');
      const id = await db.transaction(async (tx) =>
        insertUser(tx, {
          orgId: options.orgId,
          username,
          displayName: username,
          passwordHash: await testPasswordHash(),
          departmentId: options.departmentId ?? null,
          managerId: options.managerId ?? null,
          roleIds: options.roleIds,
        }),
      );
      return { id, orgId: options.orgId, username };
    },
    async login(user, password = TEST_PASSWORD) {
      const username = typeof user === 'string' ? user : user.username;
      // Test databases hold many organizations, so sign-in names the user's (issue 10).
      const organization =
        typeof user === 'string' ? undefined : (await organizationsRepository.getById(db, user.orgId))?.code;
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password, organization },
      });
      if (response.statusCode !== 200)
        throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'guanxi_session')?.value;
      if (!cookie) throw new Error('no session cookie');
      const me = response.json() as { id: string; orgId: string };
      return clientFor({ id: me.id, orgId: me.orgId, username }, cookie);
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}
