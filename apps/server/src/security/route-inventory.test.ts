import { ALL_PERMISSIONS } from '@guanxi/contract';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, buildApp } from '../app.js';
import { loadConfig } from '../platform/config/config.js';
import { newId } from '../platform/db/ids.js';
import { createTestContext, type Client, type TestContext } from '../test/test-app.js';

/** Routes anyone may call without signing in; a new public route must be added here on purpose. */
const PUBLIC_ROUTES = new Set([
  'GET /api/v1/health',
  // Readiness for load balancers (issue 10): whether the database answers and is migrated.
  'GET /api/v1/health/ready',
  'POST /api/v1/auth/login',
  // Whether the sign-in page asks for the organization (issue 10): a yes or no, nothing else.
  'GET /api/v1/auth/login-options',
  'GET /api/v1/openapi.json',
]);

interface Route {
  method: string;
  url: string;
  permission: unknown;
}

let ctx: TestContext;
let app: FastifyInstance;
const routes: Route[] = [];
let powerless: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  const config = loadConfig({}, { logLevel: 'silent', webDistDir: '/nonexistent' });
  const collect = (route: RouteOptions) => {
    for (const method of [route.method].flat()) {
      routes.push({ method, url: route.url, permission: route.config?.permission });
    }
  };
  app = await buildApp({ config, database: ctx.database, logger: false, onRoute: collect });
  await app.ready();
  const { orgId } = await ctx.createOrg();
  const noRights = await ctx.createRole(orgId, { code: 'nothing', permissions: [], dataScope: 'own' });
  powerless = await ctx.login(await ctx.createUser({ orgId, roleIds: [noRights] }));
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const apiRoutes = () => routes.filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD');
const isPublic = (r: Route) => r.permission === 'public';
const key = (r: Route) => `${r.method} ${r.url}`;
/** A URL for the route with a well-formed but unknown id in every parameter. */
const concrete = (url: string) => url.replace(/:\w+/g, newId()).replace(/\*$/, 'x');
const payloadFor = (method: string) =>
  method === 'POST' || method === 'PATCH' || method === 'PUT' ? { payload: {} } : {};

describe('route inventory (security A7)', () => {
  it('the inventory sees the application routes', () => {
    const keys = apiRoutes().map(key);
    expect(keys).toContain('GET /api/v1/customers');
    expect(keys).toContain('DELETE /api/v1/customers/:id');
    expect(keys).toContain('POST /api/v1/auth/login');
    expect(routes.some((r) => r.method === 'HEAD')).toBe(true);
  });

  it('every /api route declares a known permission', () => {
    const known = new Set<unknown>(['public', 'authenticated', ...ALL_PERMISSIONS]);
    const undeclared = routes.filter((r) => r.url.startsWith('/api') && !known.has(r.permission)).map(key);
    expect(undeclared).toEqual([]);
  });

  it('only the health check, login and its options, the OpenAPI document and the docs UI are public', () => {
    const publicRoutes = apiRoutes().filter(isPublic).map(key);
    const unexpected = publicRoutes.filter((k) => !PUBLIC_ROUTES.has(k) && !k.split(' ')[1]!.startsWith('/api/docs'));
    expect(unexpected).toEqual([]);
    for (const expected of PUBLIC_ROUTES) expect(publicRoutes).toContain(expected);
  });

  it('registering an /api route without a permission fails at start-up', async () => {
    const config = loadConfig({}, { logLevel: 'silent', webDistDir: '/nonexistent' });
    const probe = await buildApp({ config, database: ctx.database, logger: false });
    expect(() => probe.get('/api/v1/sneaky', async () => 'open')).toThrow(/declares no permission/);
    await probe.close();
  });

  it('every non-public route answers 401 without a session, with a forged cookie and with a forged token', async () => {
    const answers: string[] = [];
    for (const route of routes.filter((r) => r.url.startsWith('/api') && !isPublic(r))) {
      const url = concrete(route.url);
      const base = { method: route.method as 'GET', url, ...payloadFor(route.method) };
      const anonymous = await app.inject(base);
      const forgedCookie = await app.inject({
        ...base,
        headers: { cookie: `guanxi_session=${'A'.repeat(43)}`, 'x-requested-with': 'XMLHttpRequest' },
      });
      const forgedToken = await app.inject({ ...base, headers: { authorization: `Bearer gx_${'B'.repeat(43)}` } });
      for (const [how, response] of [
        ['anonymous', anonymous],
        ['cookie', forgedCookie],
        ['token', forgedToken],
      ] as const) {
        if (response.statusCode !== 401) answers.push(`${key(route)} ${how} → ${response.statusCode}`);
        else if (route.method !== 'HEAD') expect(response.json().error.code).toBe('unauthenticated');
      }
    }
    expect(answers).toEqual([]);
  });

  it('a signed-in user without the route permission gets 403 on every permission-guarded route', async () => {
    const answers: string[] = [];
    const guarded = apiRoutes().filter((r) => r.permission !== 'public' && r.permission !== 'authenticated');
    expect(guarded.length).toBeGreaterThan(0);
    for (const route of guarded) {
      const response = await powerless.request({
        method: route.method as 'GET',
        url: concrete(route.url),
        ...payloadFor(route.method),
      });
      if (response.statusCode !== 403) answers.push(`${key(route)} → ${response.statusCode}`);
    }
    expect(answers).toEqual([]);
  });
});

describe('OpenAPI document', () => {
  it('lists exactly the registered /api/v1 routes', async () => {
    const response = await app.inject({ method: 'GET', url: `${API_PREFIX}/openapi.json` });
    expect(response.statusCode).toBe(200);
    const spec = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(spec.openapi).toMatch(/^3\.1/);
    const documented = Object.entries(spec.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const registered = apiRoutes()
      .filter((r) => r.url.startsWith(`${API_PREFIX}/`) && r.url !== `${API_PREFIX}/openapi.json`)
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    expect(documented).toEqual([...new Set(registered)]);
  });

  it('serves the API reference UI at /api/docs', async () => {
    let response = await app.inject({ method: 'GET', url: '/api/docs' });
    if (response.statusCode >= 300 && response.statusCode < 400) {
      response = await app.inject({
        method: 'GET',
        url: new URL(response.headers.location!, 'http://x/api/docs').pathname,
      });
    }
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body.toLowerCase()).toContain('swagger');
  });
});
