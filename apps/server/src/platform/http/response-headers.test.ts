import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createTestContext, type Client, type TestContext } from '../../test/test-app.js';
import { loadConfig } from '../config/config.js';

let ctx: TestContext;
let client: Client;
/** The same database served with a small stand-in for the built web app. */
let webApp: FastifyInstance;
let webDist: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const { orgId, roleIds } = await ctx.createOrg();
  client = await ctx.login(await ctx.createUser({ orgId, roleIds: [roleIds.salesperson!] }));
  webDist = mkdtempSync(path.join(tmpdir(), 'guanxi-web-'));
  mkdirSync(path.join(webDist, 'assets'));
  writeFileSync(
    path.join(webDist, 'index.html'),
    '<!doctype html><script type="module" src="/assets/index-Ab12Cd34.js"></script>',
  );
  writeFileSync(path.join(webDist, 'assets', 'index-Ab12Cd34.js'), 'console.log(1)');
  const config = loadConfig({}, { logLevel: 'silent', webDistDir: webDist });
  webApp = await buildApp({ config, database: ctx.database, logger: false });
});
afterAll(async () => {
  await webApp.close();
  await ctx.close();
  rmSync(webDist, { recursive: true, force: true });
});

const directivesOf = (header: unknown) =>
  new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values] as const),
  );

describe('Content-Security-Policy (issue 10, defect 13)', () => {
  it('the web app may run only its own scripts, talk only to its own server and not be framed', async () => {
    for (const url of ['/', '/customers/some-id', '/assets/index-Ab12Cd34.js']) {
      const response = await webApp.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      const csp = directivesOf(response.headers['content-security-policy']);
      expect(csp.get('script-src'), url).toEqual(["'self'"]);
      expect(csp.get('default-src'), url).toEqual(["'self'"]);
      expect(csp.get('connect-src'), url).toEqual(["'self'"]);
      expect(csp.get('object-src'), url).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors'), url).toEqual(["'none'"]);
      expect(csp.get('base-uri'), url).toEqual(["'self'"]);
    }
  });

  it('API answers and the API reference carry the same policy', async () => {
    const me = await client.get('/api/v1/auth/me');
    const docs = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    // Every script of the reference page is a file, so it runs under script-src 'self'.
    expect(docs.body.match(/<script\b/g)?.length).toBe(docs.body.match(/<script src=/g)?.length);
    for (const response of [me, docs]) {
      expect(directivesOf(response.headers['content-security-policy']).get('script-src')).toEqual(["'self'"]);
    }
  });
});

describe('Cache-Control (issue 10, defect 13)', () => {
  it('API answers with personal data are never stored, also errors and lists', async () => {
    const customer = await client.post('/api/v1/customers', {
      kind: 'company',
      name: '缓存测试公司',
      phone: '13800000000',
    });
    expect(customer.statusCode).toBe(201);
    const answers = {
      created: customer,
      me: await client.get('/api/v1/auth/me'),
      list: await client.get('/api/v1/customers'),
      detail: await client.get(`/api/v1/customers/${customer.json().id}`),
      notFound: await client.get('/api/v1/customers/00000000-0000-7000-8000-000000000000'),
      signedOut: await ctx.app.inject({ method: 'GET', url: '/api/v1/customers' }),
      failedLogin: await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'nobody', password: 'wrong-password-1' },
      }),
    };
    for (const [name, response] of Object.entries(answers))
      expect(response.headers['cache-control'], name).toBe('no-store');
  });

  it('health and the OpenAPI document may be cached', async () => {
    for (const url of ['/api/v1/health', '/api/v1/openapi.json']) {
      const response = await ctx.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'] ?? '', url).not.toContain('no-store');
    }
  });

  it('hashed assets are cached for a year, the app page is revalidated every time', async () => {
    const asset = await webApp.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html', '/customers']) {
      const page = await webApp.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type'], url).toMatch(/^text\/html/);
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }
    // A file that is not (yet) there must not be remembered as missing for a year.
    const missing = await webApp.inject({ method: 'GET', url: '/assets/index-gone.js' });
    expect(missing.headers['cache-control'] ?? '').not.toContain('max-age=31536000');
  });
});
