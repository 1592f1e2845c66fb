import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse, RouteOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { DEFAULT_ROLES } from '../modules/org/index.js';
import { loadConfig } from '../platform/config/config.js';
import { newId } from '../platform/db/ids.js';
import { queryRows } from '../platform/db/query.js';
import type { Client } from '../test/test-app.js';
import { useTestContext } from '../test/file-context.js';

/**
 * The role matrix (security A7, issue 10): every route, called as a user of every built-in role,
 * answers as the permission catalog says — 403 before any validation or write for a role whose
 * default grants lack the route's permission, anything but 401/403 (or a 5xx) for one that holds it.
 * That only proves the declarations are enforced; REVIEWED and the method rules below prove they
 * fit what each route does.
 */

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * Routes whose permission does not follow from their method, each with why it is right. Any other
 * write declared `authenticated` or `*.view`, DELETE or restore without a delete/manage permission,
 * or route open to every signed-in user fails the rules test until it is reviewed here.
 */
const REVIEWED: Record<string, string> = {
  'POST /api/v1/auth/logout': 'ends the caller’s own session',
  'GET /api/v1/auth/me': 'the caller’s own profile',
  'PATCH /api/v1/auth/me': 'the caller’s own profile (name, language)',
  'POST /api/v1/auth/password': 'the caller’s own password',
  'GET /api/v1/auth/tokens': 'the caller’s own API tokens',
  'POST /api/v1/auth/tokens': 'an API token of the caller’s own, limited to the caller’s permissions',
  'DELETE /api/v1/auth/tokens/:id': 'revokes one of the caller’s own API tokens',
  'GET /api/v1/users/directory':
    'active colleagues’ names and departments only (no contacts, roles or login names): whom to hand a customer or task to',
  'GET /api/v1/custom-fields':
    'the custom fields of the record types the caller may view (their view permission is checked in the service), less those the caller’s role hides',
  'GET /api/v1/export-jobs': 'the caller’s own background list exports',
  'GET /api/v1/export-jobs/:id': 'one of the caller’s own background list exports (404 for anyone else’s)',
  'GET /api/v1/export-jobs/:id/file': 'the file of one of the caller’s own finished exports (404 for anyone else’s)',
  'GET /api/v1/notifications': 'the caller’s own notifications',
  'GET /api/v1/notifications/unread-count': 'the caller’s own notifications',
  'POST /api/v1/notifications/:id/read': 'marks one of the caller’s own notifications read',
  'POST /api/v1/notifications/read-all': 'marks the caller’s own notifications read',
  'GET /api/v1/todos': 'the caller’s own to-dos',
  'POST /api/v1/todos/:id/done': 'completes one of the caller’s own to-dos',
  'GET /api/v1/todos/inbox': 'the caller’s own inbox; each section also needs its module’s permission',
  'GET /api/v1/organization': 'the caller’s own organization’s name and login code, which everyone signs in with',
  'GET /api/v1/dictionaries':
    'the organization’s source, industry and level names, which label records on every screen (no business data)',
  'POST /api/v1/saved-views':
    'a view of the caller’s own over a list they read; sharing it needs views.share (checked on the body)',
  'DELETE /api/v1/saved-views/:id': 'deletes one of the caller’s own views (others’ answer 404)',
  'PUT /api/v1/list-preferences/customers':
    'the caller’s own column choice of a list they read; every query names the caller, nobody else’s is reachable',
  'POST /api/v1/approvals/:id/approve':
    'only the request’s current approver, whom the flow names (not a role), decides; others get 404/403',
  'POST /api/v1/approvals/:id/reject':
    'only the request’s current approver, whom the flow names (not a role), decides; others get 404/403',
  'POST /api/v1/approvals/batch-approve':
    'each request is approved only by its current approver, whom the flow names; the rest are reported refused per row',
  'POST /api/v1/approvals/:id/withdraw': 'only the request’s submitter withdraws it; others get 404/403',
  'DELETE /api/v1/attachments/:id': 'the follow-up’s author (or a holder of followups.edit) removes a file of it',
  'DELETE /api/v1/expenses/:id': 'the employee deletes a draft expense of their own',
  'DELETE /api/v1/customers/:id/attachments/:attachmentId':
    'an editor of the customer removes a file of it (soft delete, audited), as adding one is an edit',
  'DELETE /api/v1/expenses/:id/attachments/:attachmentId': 'the employee removes a receipt from a draft of their own',
  // Import wizard (issue 12): one set of routes for every kind; the kind's permission is checked in the service.
  'GET /api/v1/imports/kinds': 'lists only the kinds the caller may import (<module>.import)',
  'POST /api/v1/imports': 'the kind’s <module>.import permission is checked in the service (403 without it)',
  'GET /api/v1/imports':
    'the caller’s own import jobs (or all of a kind with whole-organization scope), of kinds they may import; others 404',
  'GET /api/v1/imports/:id':
    'the caller’s own import jobs (or all of a kind with whole-organization scope), of kinds they may import; others 404',
  'PUT /api/v1/imports/:id/source':
    'the caller’s own import jobs (or all of a kind with whole-organization scope), of kinds they may import; others 404',
  'PUT /api/v1/imports/:id/mapping':
    'the caller’s own import jobs (or all of a kind with whole-organization scope), of kinds they may import; others 404; other owners need the kind’s assign permission',
  'POST /api/v1/imports/:id/apply-template':
    'the caller’s own import jobs (or all of a kind with whole-organization scope), of kinds they may import; others 404',
  'POST /api/v1/imports/:id/check':
    'the caller’s own import jobs (or all of a kind with whole-organization scope), of kinds they may import; others 404',
  'POST /api/v1/imports/:id/run':
    'the caller’s own import jobs (or all of a kind with whole-organization scope), of kinds they may import; others 404; the worker re-checks the creator’s permission',
  'POST /api/v1/imports/:id/cancel':
    'the caller’s own import jobs (or all of a kind with whole-organization scope), of kinds they may import; others 404',
  'DELETE /api/v1/imports/:id':
    'the caller’s own import jobs (or all of a kind with whole-organization scope), of kinds they may import; others 404',
  'GET /api/v1/imports/:id/errors':
    'the caller’s own import jobs (or all of a kind with whole-organization scope), of kinds they may import; others 404',
  'GET /api/v1/imports/:id/error-report':
    'the caller’s own import jobs (or all of a kind with whole-organization scope), of kinds they may import; others 404',
  'GET /api/v1/import-templates': 'templates of the kinds the caller may import',
  'POST /api/v1/import-templates': 'the kind’s <module>.import permission is checked in the service (403 without it)',
  'DELETE /api/v1/import-templates/:id': 'templates of the kinds the caller may import; others 404',
};

/** Calling it as every role would end the session the rest of the sweep runs on (auth tests cover it). */
const NOT_SWEPT = new Set(['POST /api/v1/auth/logout']);

interface Route {
  key: string;
  method: string;
  url: string;
  permission: string;
}

interface RoleUser {
  code: string;
  grants: ReadonlySet<string>;
  client: Client;
}

const ctx = useTestContext();
let routes: Route[] = [];
let roles: RoleUser[] = [];

beforeAll(async () => {
  // The route inventory as registered (with each route's declared permission); the requests below
  // all go through ctx.app.
  const seen: Route[] = [];
  const collect = (route: RouteOptions) => {
    for (const method of [route.method].flat()) {
      const permission = route.config?.permission;
      if (
        method === 'HEAD' ||
        !route.url.startsWith('/api/v1/') ||
        permission === 'public' ||
        typeof permission !== 'string'
      )
        continue;
      seen.push({ key: `${method} ${route.url}`, method, url: route.url, permission });
    }
  };
  const inventory = await buildApp({
    config: loadConfig({}, { logLevel: 'silent', webDistDir: '/nonexistent' }),
    database: ctx.database,
    logger: false,
    onRoute: collect,
  });
  await inventory.close();
  routes = seen;
  const { orgId, roleIds } = await ctx.createOrg();
  roles = await Promise.all(
    DEFAULT_ROLES.map(async (template) => {
      const roleId = roleIds[template.code];
      if (!roleId) throw new Error(`the organization lacks the built-in role ${template.code}`);
      const client = await ctx.login(await ctx.createUser({ orgId, roleIds: [roleId] }));
      return { code: template.code, grants: new Set<string>(template.permissions), client };
    }),
  );
});

const actionOf = (permission: string) => permission.split('.')[1] ?? '';
/** A URL with a well-formed but unknown id in every parameter. */
const concrete = (url: string) => url.replace(/:\w+/g, () => newId());
const mayCall = (role: RoleUser, route: Route) =>
  route.permission === 'authenticated' || role.grants.has(route.permission);
const call = (role: RoleUser, route: Route) =>
  role.client.request({
    method: route.method as 'GET',
    url: concrete(route.url),
    ...(WRITES.has(route.method) && route.method !== 'DELETE' ? { payload: {} } : {}),
  });
/** Calls every route as every selected role (the roles of one route at once) and lists the answers that are not as expected. */
async function sweep(
  selected: (role: RoleUser, route: Route) => boolean,
  isExpected: (response: LightMyRequestResponse) => boolean,
): Promise<string[]> {
  const problems: string[] = [];
  for (const route of routes.filter((r) => !NOT_SWEPT.has(r.key))) {
    const answers = await Promise.all(
      roles.filter((role) => selected(role, route)).map(async (role) => ({ role, response: await call(role, route) })),
    );
    for (const { role, response } of answers) {
      if (!isExpected(response))
        problems.push(`${role.code} ${route.key} → ${response.statusCode} ${response.body.slice(0, 120)}`);
    }
  }
  return problems;
}
const auditCount = async () =>
  (await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from audit_log`))[0]!.n;

describe('declared permissions fit what each route does (issue 10, defect 6)', () => {
  it('the inventory covers the application and every built-in role', () => {
    expect(routes.length).toBeGreaterThan(150);
    expect(routes.map((r) => r.key)).toContain('POST /api/v1/orders/:id/credit-override');
    expect(roles.map((r) => r.code)).toEqual(DEFAULT_ROLES.map((r) => r.code));
  });

  it('no write needs only a view right or a sign-in, no delete or restore less than delete/manage, unless reviewed', () => {
    const problems: string[] = [];
    for (const route of routes) {
      if (REVIEWED[route.key]) continue;
      const action = actionOf(route.permission);
      if (route.permission === 'authenticated') problems.push(`${route.key}: open to every signed-in user`);
      else if (WRITES.has(route.method) && action === 'view')
        problems.push(`${route.key}: a write guarded by ${route.permission}`);
      else if (
        (route.method === 'DELETE' || route.url.endsWith('/restore')) &&
        action !== 'delete' &&
        action !== 'manage'
      )
        problems.push(`${route.key}: removes with ${route.permission}`);
    }
    expect(problems).toEqual([]);
  });

  it('every reviewed exception is a registered route', () => {
    const keys = new Set(routes.map((r) => r.key));
    expect(Object.keys(REVIEWED).filter((key) => !keys.has(key))).toEqual([]);
  });
});

// Each sweep calls every route as every role (a few thousand requests, exports among them): on a
// two-core machine under load that takes longer than one test's usual 30 s.
const SWEEP_TIMEOUT_MS = 120_000;

describe('every built-in role gets exactly the answers its default grants allow (issue 10, defect 6)', () => {
  it(
    'a role without the route’s permission gets 403 on every route, and nothing is written',
    async () => {
      const before = await auditCount();
      const problems = await sweep(
        (role, route) => !mayCall(role, route),
        (response) => response.statusCode === 403 && response.json().error.code === 'forbidden',
      );
      expect(problems).toEqual([]);
      expect(await auditCount()).toBe(before);
    },
    SWEEP_TIMEOUT_MS,
  );

  it(
    'a role holding the route’s permission is let through on every route (no 401/403, no 5xx)',
    async () => {
      const problems = await sweep(
        mayCall,
        (response) => response.statusCode !== 401 && response.statusCode !== 403 && response.statusCode < 500,
      );
      expect(problems).toEqual([]);
    },
    SWEEP_TIMEOUT_MS,
  );
});
