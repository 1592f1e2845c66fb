import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { DEFAULT_LOGIN_THROTTLE, LoginThrottle } from '../../platform/auth/login-throttle.js';
import { hashSecret } from '../../platform/auth/secrets.js';
import { loadConfig } from '../../platform/config/config.js';
import { queryRows } from '../../platform/db/query.js';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../../test/test-app.js';

/**
 * The server behind a TLS-terminating reverse proxy (security C2, C4, D10): the proxy connects
 * from 127.0.0.1 and appends the browser's address to X-Forwarded-For.
 */
const PROXY = '127.0.0.1';
const BAD_PASSWORD = 'wrong-password-123';

let ctx: TestContext;
let roleIds: Record<string, string>;
let orgId: string;

beforeAll(async () => {
  ctx = await createTestContext({ trustProxy: loadConfig({ TRUST_PROXY: '1' }).trustProxy });
  ({ orgId, roleIds } = await ctx.createOrg());
});
afterAll(() => ctx.close());

const salesperson = () => ctx.createUser({ orgId, roleIds: [roleIds.salesperson!] });

interface Via {
  app?: FastifyInstance;
  /** The socket's address: the proxy's, or a client's connecting directly. */
  socket?: string;
  forwardedFor?: string;
  forwardedProto?: string;
  cookie?: string;
}

const headersOf = (via: Via) => ({
  ...(via.forwardedFor ? { 'x-forwarded-for': via.forwardedFor } : {}),
  ...(via.forwardedProto ? { 'x-forwarded-proto': via.forwardedProto } : {}),
  ...(via.cookie ? { cookie: `guanxi_session=${via.cookie}`, 'x-requested-with': 'XMLHttpRequest' } : {}),
});

function login(username: string, password: string, via: Via) {
  return (via.app ?? ctx.app).inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: via.socket ?? PROXY,
    headers: headersOf(via),
  });
}

const sessionCookieHeader = (response: { headers: Record<string, unknown> }) =>
  [response.headers['set-cookie']]
    .flat()
    .find((c): c is string => typeof c === 'string' && c.startsWith('guanxi_session='))!;
const attributesOf = (cookieHeader: string) => cookieHeader.split(';').map((a) => a.trim().toLowerCase());

async function appWith(options: { trustProxy?: string; throttle?: LoginThrottle }) {
  const config = loadConfig(options.trustProxy === undefined ? {} : { TRUST_PROXY: options.trustProxy }, {
    logLevel: 'silent',
    webDistDir: '/nonexistent',
  });
  return buildApp({
    config,
    database: ctx.database,
    logger: false,
    loginThrottle: options.throttle ?? new LoginThrottle(),
  });
}

describe('login throttling behind a proxy (TRUST_PROXY=1)', () => {
  it('a client failing 30+ times is throttled, but the same account from another client and other accounts still sign in', async () => {
    const target = await salesperson();
    const colleague = await salesperson();
    const attacker = { forwardedFor: '203.0.113.7' };
    for (let i = 0; i < 8; i++) await login(target.username, `${BAD_PASSWORD}-${i}`, attacker);
    for (let i = 0; i < 30; i++) await login(`ghost-${i}`, BAD_PASSWORD, attacker);

    for (const username of [target.username, colleague.username]) {
      const blocked = await login(username, TEST_PASSWORD, attacker);
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(blocked.cookies).toEqual([]);
    }
    // Everyone else reaches the server through the same proxy address.
    expect((await login(target.username, TEST_PASSWORD, { forwardedFor: '198.51.100.9' })).statusCode).toBe(200);
    expect((await login(colleague.username, TEST_PASSWORD, { forwardedFor: '198.51.100.10' })).statusCode).toBe(200);
  });

  it('addresses a client puts in front of X-Forwarded-For do not help it escape the limit', async () => {
    const target = await salesperson();
    for (let i = 0; i < 5; i++) {
      const response = await login(target.username, BAD_PASSWORD, { forwardedFor: `10.66.0.${i}, 203.0.113.20` });
      expect(response.statusCode).toBe(401);
    }
    expect((await login(target.username, TEST_PASSWORD, { forwardedFor: '10.66.0.99, 203.0.113.20' })).statusCode).toBe(
      429,
    );
  });

  it('sessions and audit entries record the browser’s address, not the proxy’s', async () => {
    const user = await salesperson();
    const response = await login(user.username, TEST_PASSWORD, { forwardedFor: '198.51.100.23' });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'guanxi_session')!.value;
    const sessions = await queryRows<{ ip: string }>(
      ctx.database.db,
      sql`select ip from sessions where token_hash = ${hashSecret(cookie)}`,
    );
    expect(sessions.map((s) => s.ip)).toEqual(['198.51.100.23']);

    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      payload: { kind: 'company', name: '代理地址测试公司' },
      remoteAddress: PROXY,
      headers: headersOf({ forwardedFor: '198.51.100.24', cookie }),
    });
    expect(created.statusCode).toBe(201);
    const audit = await queryRows<{ action: string; ip: string }>(
      ctx.database.db,
      sql`select action, ip from audit_log where actor_id = ${user.id}`,
    );
    const ipsOf = (action: string) => new Set(audit.filter((a) => a.action === action).map((a) => a.ip));
    expect(ipsOf('login')).toEqual(new Set(['198.51.100.23']));
    expect(ipsOf('create')).toEqual(new Set(['198.51.100.24']));
  });

  it('guessing one account from many clients hits the backstop, which spares the owner’s known address and expires', async () => {
    const clock = { now: Date.now() };
    const throttledApp = await appWith({
      trustProxy: '1',
      throttle: new LoginThrottle(DEFAULT_LOGIN_THROTTLE, () => clock.now),
    });
    try {
      const target = await salesperson();
      const owner = { app: throttledApp, forwardedFor: '198.51.100.40' };
      expect((await login(target.username, TEST_PASSWORD, owner)).statusCode).toBe(200);
      for (let i = 0; i < DEFAULT_LOGIN_THROTTLE.maxFailuresPerAccount; i++) {
        const response = await login(target.username, BAD_PASSWORD, {
          app: throttledApp,
          forwardedFor: `203.0.${Math.floor(i / 200)}.${i % 200}`,
        });
        expect(response.statusCode).toBe(401);
      }
      const blocked = await login(target.username, TEST_PASSWORD, { app: throttledApp, forwardedFor: '192.0.2.77' });
      expect(blocked.statusCode).toBe(429);
      const wait = Number(blocked.headers['retry-after']);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(DEFAULT_LOGIN_THROTTLE.accountBlockMs / 1000);
      // The owner's usual address and other accounts are not held up.
      expect((await login(target.username, TEST_PASSWORD, owner)).statusCode).toBe(200);
      expect(
        (await login((await salesperson()).username, TEST_PASSWORD, { app: throttledApp, forwardedFor: '192.0.2.77' }))
          .statusCode,
      ).toBe(200);
      clock.now += wait * 1000;
      expect(
        (await login(target.username, TEST_PASSWORD, { app: throttledApp, forwardedFor: '192.0.2.77' })).statusCode,
      ).toBe(200);
    } finally {
      await throttledApp.close();
    }
  });
});

describe('without TRUST_PROXY', () => {
  it('a spoofed X-Forwarded-For is ignored: the limit counts the connecting address', async () => {
    const directApp = await appWith({});
    try {
      const socket = '10.70.0.1';
      for (let i = 0; i < 30; i++) {
        await login(`ghost-direct-${i}`, BAD_PASSWORD, {
          app: directApp,
          socket,
          forwardedFor: `198.51.100.${100 + i}`,
        });
      }
      const user = await salesperson();
      const blocked = await login(user.username, TEST_PASSWORD, {
        app: directApp,
        socket,
        forwardedFor: '198.51.100.200',
      });
      expect(blocked.statusCode).toBe(429);
      const allowed = await login(user.username, TEST_PASSWORD, {
        app: directApp,
        socket: '10.70.0.2',
        forwardedFor: '198.51.100.201',
      });
      expect(allowed.statusCode).toBe(200);
      const cookie = allowed.cookies.find((c) => c.name === 'guanxi_session')!.value;
      const sessions = await queryRows<{ ip: string }>(
        ctx.database.db,
        sql`select ip from sessions where token_hash = ${hashSecret(cookie)}`,
      );
      expect(sessions.map((s) => s.ip)).toEqual(['10.70.0.2']);
    } finally {
      await directApp.close();
    }
  });
});

describe('Secure session cookie (security C4)', () => {
  it('is Secure when the browser came over TLS through the trusted proxy, at login and at logout', async () => {
    const user = await salesperson();
    const response = await login(user.username, TEST_PASSWORD, {
      forwardedFor: '198.51.100.50',
      forwardedProto: 'https',
    });
    expect(response.statusCode).toBe(200);
    expect(attributesOf(sessionCookieHeader(response))).toContain('secure');
    const cookie = response.cookies.find((c) => c.name === 'guanxi_session')!.value;
    const logout = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      remoteAddress: PROXY,
      headers: headersOf({ forwardedFor: '198.51.100.50', forwardedProto: 'https', cookie }),
    });
    expect(logout.statusCode).toBe(204);
    const cleared = sessionCookieHeader(logout);
    expect(cleared.startsWith('guanxi_session=;')).toBe(true);
    expect(attributesOf(cleared)).toContain('secure');
  });

  it('is not Secure over plain HTTP, nor when an untrusted client claims X-Forwarded-Proto: https', async () => {
    const user = await salesperson();
    const plain = await login(user.username, TEST_PASSWORD, { forwardedFor: '198.51.100.51', forwardedProto: 'http' });
    expect(attributesOf(sessionCookieHeader(plain))).not.toContain('secure');
    const directApp = await appWith({});
    try {
      const spoofed = await login(user.username, TEST_PASSWORD, {
        app: directApp,
        socket: '10.70.1.1',
        forwardedProto: 'https',
      });
      expect(spoofed.statusCode).toBe(200);
      expect(attributesOf(sessionCookieHeader(spoofed))).not.toContain('secure');
    } finally {
      await directApp.close();
    }
  });
});
