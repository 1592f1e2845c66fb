import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_ROLES } from '../org/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { DEFAULT_LOGIN_THROTTLE, LoginThrottle } from '../../platform/auth/login-throttle.js';
import { hashSecret } from '../../platform/auth/secrets.js';
import { loadConfig } from '../../platform/config/config.js';
import { queryRows } from '../../platform/db/query.js';
import { TEST_PASSWORD, type TestContext, type TestUser } from '../../test/test-app.js';
import { useTestContext } from '../../test/file-context.js';

const ctx = useTestContext();
let orgId: string;
let roleIds: Record<string, string>;
let ipCounter = 0;
/** Each test signs in from its own address so the per-IP throttle of one test does not leak into another. */
const freshIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

beforeAll(async () => {
  ({ orgId, roleIds } = await ctx.createOrg());
});

const salesperson = () => ctx.createUser({ orgId, roleIds: [roleIds.salesperson!] });

function login(
  username: string,
  password: string,
  options: { ip?: string; requestId?: string; app?: FastifyInstance; cookie?: string } = {},
) {
  return (options.app ?? ctx.app).inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: options.ip ?? freshIp(),
    headers: {
      ...(options.requestId ? { 'x-request-id': options.requestId } : {}),
      ...(options.cookie ? { cookie: `guanxi_session=${options.cookie}` } : {}),
    },
  });
}

const sessionCookie = (response: { cookies: { name: string; value: string }[] }) =>
  response.cookies.find((c) => c.name === 'guanxi_session')?.value;

/** GET /auth/me with a raw session cookie value. */
const meWith = (cookie: string) =>
  ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `guanxi_session=${cookie}` } });
const meWithToken = (token: string) =>
  ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });

describe('login (security C2, C3, C4)', () => {
  it('sets an HttpOnly, SameSite=Lax, Path=/ session cookie with at least 128 random bits, stored only hashed', async () => {
    const user = await salesperson();
    const response = await login(user.username, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: user.id, username: user.username, orgId });
    const header = [response.headers['set-cookie']].flat().find((c) => c?.startsWith('guanxi_session='))!;
    const attributes = header.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=lax');
    expect(attributes).toContain('path=/');
    expect(attributes).not.toContain('secure'); // plain HTTP in tests; SECURE_COOKIES=true adds it
    const value = sessionCookie(response)!;
    expect(Buffer.from(value, 'base64url').length).toBeGreaterThanOrEqual(16);
    const stored = await queryRows<{ token_hash: string }>(
      ctx.database.db,
      sql`select token_hash from sessions where user_id = ${user.id}`,
    );
    expect(stored.map((s) => s.token_hash)).toEqual([hashSecret(value)]);
  });

  it('adds Secure to the cookie when configured for TLS', async () => {
    const config = loadConfig({}, { logLevel: 'silent', webDistDir: '/nonexistent', secureCookies: true });
    const tlsApp = await buildApp({ config, database: ctx.database, logger: false });
    try {
      const user = await salesperson();
      const response = await login(user.username, TEST_PASSWORD, { app: tlsApp });
      const header = [response.headers['set-cookie']].flat().find((c) => c?.startsWith('guanxi_session='))!;
      expect(header.split(';').map((a) => a.trim().toLowerCase())).toContain('secure');
    } finally {
      await tlsApp.close();
    }
  });

  it('a wrong password, an unknown user and a disabled user get the same 401 answer', async () => {
    const user = await salesperson();
    const disabled = await salesperson();
    await ctx.database.db.execute(sql`update users set disabled = true where id = ${disabled.id}`);
    const answers = await Promise.all([
      login(user.username, 'wrong-password-123', { requestId: 'same-request' }),
      login('nobody-by-this-name', 'wrong-password-123', { requestId: 'same-request' }),
      login(disabled.username, TEST_PASSWORD, { requestId: 'same-request' }),
    ]);
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(answer.cookies).toEqual([]);
    }
    expect(answers[0]!.json().error.code).toBe('unauthenticated');
    expect(answers[1]!.body).toBe(answers[0]!.body);
    expect(answers[2]!.body).toBe(answers[0]!.body);
  });

  it('usernames are matched case-insensitively', async () => {
    const user = await salesperson();
    expect((await login(user.username.toUpperCase(), TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('issues a new session at every login, also when an old cookie is sent along', async () => {
    const user = await salesperson();
    const first = sessionCookie(await login(user.username, TEST_PASSWORD))!;
    const second = sessionCookie(await login(user.username, TEST_PASSWORD, { cookie: first }))!;
    const third = sessionCookie(await login(user.username, TEST_PASSWORD, { cookie: 'attacker-chosen-session-id' }))!;
    expect(new Set([first, second, third]).size).toBe(3);
    expect(third).not.toBe('attacker-chosen-session-id');
    expect((await meWith('attacker-chosen-session-id')).statusCode).toBe(401);
    expect((await meWith(second)).statusCode).toBe(200);
  });

  it('logout ends the session: the same cookie answers 401 afterwards', async () => {
    const client = await ctx.login(await salesperson());
    const response = await client.post('/api/v1/auth/logout');
    expect(response.statusCode).toBe(204);
    const cleared = response.cookies.find((c) => c.name === 'guanxi_session');
    expect(cleared?.value ?? '').toBe('');
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await client.get('/api/v1/customers')).statusCode).toBe(401);
  });

  it('disabling a user ends their sessions and tokens at the next request', async () => {
    const user = await salesperson();
    const client = await ctx.login(user);
    const { token } = (await client.post('/api/v1/auth/tokens', { name: 'sync' })).json();
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    await ctx.database.db.execute(sql`update users set disabled = true where id = ${user.id}`);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await meWithToken(token)).statusCode).toBe(401);
  });

  it('an idle session expires', async () => {
    const client = await ctx.login(await salesperson());
    await ctx.database.db.execute(
      sql`update sessions set last_seen_at = now() - interval '9 hours' where token_hash = ${hashSecret(client.cookie)}`,
    );
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('a session past its absolute lifetime expires even when in use', async () => {
    const client = await ctx.login(await salesperson());
    await ctx.database.db.execute(
      sql`update sessions set expires_at = now() - interval '1 second' where token_hash = ${hashSecret(client.cookie)}`,
    );
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});

describe('login throttling (security C2)', () => {
  it('repeated failures on one account from one IP answer 429 with Retry-After there, even with the right password; the owner signs in from elsewhere', async () => {
    const user = await salesperson();
    const ip = '10.250.1.1';
    for (let i = 0; i < 5; i++)
      expect((await login(user.username, `wrong-${i}-password`, { ip })).statusCode).toBe(401);
    const blocked = await login(user.username, TEST_PASSWORD, { ip });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().error.code).toBe('rate_limited');
    expect(blocked.cookies).toEqual([]);
    expect((await login(user.username, TEST_PASSWORD, { ip: '10.250.1.2' })).statusCode).toBe(200);
    // Other accounts are not affected.
    expect((await login((await salesperson()).username, TEST_PASSWORD, { ip })).statusCode).toBe(200);
  });

  it('repeated failures from one IP answer 429 for every account from that IP, not from others', async () => {
    const ip = '10.250.0.1';
    for (let i = 0; i < 30; i++) await login(`ghost-${i}`, 'wrong-password-123', { ip });
    const user = await salesperson();
    const blocked = await login(user.username, TEST_PASSWORD, { ip });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(user.username, TEST_PASSWORD, { ip: '10.250.0.2' })).statusCode).toBe(200);
  });

  it('there is no permanent lockout: after Retry-After the right password signs in', async () => {
    const clock = { now: Date.now() };
    const throttle = new LoginThrottle(
      { ...DEFAULT_LOGIN_THROTTLE, maxFailuresPerAccountAndIp: 3, maxFailuresPerIp: 100 },
      () => clock.now,
    );
    const config = loadConfig({}, { logLevel: 'silent', webDistDir: '/nonexistent' });
    const throttledApp = await buildApp({ config, database: ctx.database, logger: false, loginThrottle: throttle });
    try {
      const user = await salesperson();
      for (let round = 0; round < 4; round++) {
        for (let i = 0; i < 3; i++)
          await login(user.username, 'wrong-password-123', { app: throttledApp, ip: '10.250.2.1' });
        const blocked = await login(user.username, TEST_PASSWORD, { app: throttledApp, ip: '10.250.2.1' });
        expect(blocked.statusCode).toBe(429);
        const wait = Number(blocked.headers['retry-after']);
        expect(wait).toBeGreaterThan(0);
        expect(wait).toBeLessThanOrEqual(15 * 60);
        clock.now += wait * 1000;
      }
      expect((await login(user.username, TEST_PASSWORD, { app: throttledApp, ip: '10.250.2.1' })).statusCode).toBe(200);
    } finally {
      await throttledApp.close();
    }
  });
});

describe('password change (security C1, C3)', () => {
  const change = (client: Awaited<ReturnType<TestContext['login']>>, currentPassword: string, newPassword: string) =>
    client.post('/api/v1/auth/password', { currentPassword, newPassword });
  const fieldsOf = (response: { json(): unknown }) =>
    (response.json() as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field);

  it('a wrong current password answers 400 naming currentPassword and changes nothing', async () => {
    const user = await salesperson();
    const client = await ctx.login(user);
    const response = await change(client, 'not-my-password', 'a brand new passphrase');
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['currentPassword']);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a too short or common new password answers 400 naming newPassword', async () => {
    const client = await ctx.login(await salesperson());
    for (const weak of ['short', '1234567', 'password', '12345678', 'Qwertyuiop']) {
      const response = await change(client, TEST_PASSWORD, weak);
      expect(response.statusCode, weak).toBe(400);
      expect(fieldsOf(response), weak).toEqual(['newPassword']);
    }
    expect((await change(client, TEST_PASSWORD, 'x'.repeat(129))).statusCode).toBe(400);
  });

  it('ends every other session but keeps the current one; the old password stops working', async () => {
    const user: TestUser = await salesperson();
    const current = await ctx.login(user);
    const other = await ctx.login(user);
    const response = await change(current, TEST_PASSWORD, 'tea garden on the hill 7');
    expect(response.statusCode).toBe(204);
    expect((await other.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await current.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(user.username, 'tea garden on the hill 7')).statusCode).toBe(200);
    const hash = await queryRows<{ password_hash: string }>(
      ctx.database.db,
      sql`select password_hash from users where id = ${user.id}`,
    );
    expect(hash[0]!.password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe('API tokens (security C5)', () => {
  it('shows the token once: the list never contains it, and only its hash is stored', async () => {
    const user = await salesperson();
    const client = await ctx.login(user);
    const created = await client.post('/api/v1/auth/tokens', { name: 'ERP sync' });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json() as { id: string; token: string };
    expect(token.length).toBeGreaterThanOrEqual(32);
    const list = await client.get('/api/v1/auth/tokens');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((t: { id: string }) => t.id)).toEqual([id]);
    expect(list.body).not.toContain(token);
    expect(list.json().items[0]).not.toHaveProperty('token');
    const stored = await queryRows<Record<string, unknown>>(
      ctx.database.db,
      sql`select * from api_tokens where user_id = ${user.id}`,
    );
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored[0]!.token_hash).toBe(hashSecret(token));
  });

  it('a Bearer token acts as its user, within that user’s permissions and data scope', async () => {
    const r1 = await salesperson();
    const r2 = await salesperson();
    const r1Client = await ctx.login(r1);
    const r2Client = await ctx.login(r2);
    const own = (await r1Client.post('/api/v1/customers', { kind: 'company', name: '令牌测试甲公司' })).json()
      .id as string;
    const foreign = (await r2Client.post('/api/v1/customers', { kind: 'company', name: '令牌测试乙公司' })).json()
      .id as string;
    const { token } = (await r1Client.post('/api/v1/auth/tokens', { name: 'script' })).json();
    const bearer = (method: 'GET' | 'DELETE' | 'PATCH', url: string, payload?: object) =>
      ctx.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

    const me = await bearer('GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(r1.id);
    const list = await bearer('GET', '/api/v1/customers?limit=200');
    const ids = list.json().items.map((c: { id: string }) => c.id);
    expect(ids).toContain(own);
    expect(ids).not.toContain(foreign);
    expect((await bearer('GET', `/api/v1/customers/${foreign}`)).statusCode).toBe(404);
    expect((await bearer('GET', `/api/v1/customers?ownerId=${r2.id}`)).json().items).toEqual([]);
    expect((await bearer('DELETE', `/api/v1/customers/${own}`)).statusCode).toBe(403);
    expect((await bearer('PATCH', `/api/v1/customers/${foreign}`, { city: '杭州', version: 1 })).statusCode).toBe(404);
    expect((await r1Client.get(`/api/v1/customers/${own}`)).json().deletedAt).toBeNull();
  });

  it('a revoked token answers 401; another user cannot revoke it', async () => {
    const owner = await ctx.login(await salesperson());
    const stranger = await ctx.login(await salesperson());
    const { id, token } = (await owner.post('/api/v1/auth/tokens', { name: 'to revoke' })).json();
    expect((await stranger.delete(`/api/v1/auth/tokens/${id}`)).statusCode).toBe(404);
    expect((await meWithToken(token)).statusCode).toBe(200);
    expect((await owner.delete(`/api/v1/auth/tokens/${id}`)).statusCode).toBe(204);
    expect((await meWithToken(token)).statusCode).toBe(401);
    expect((await owner.get('/api/v1/auth/tokens')).json().items).toEqual([]);
    expect((await owner.delete(`/api/v1/auth/tokens/${id}`)).statusCode).toBe(404);
  });
});

describe('the signed-in user', () => {
  it('GET /auth/me describes the user, their permissions and scope', async () => {
    const user = await salesperson();
    const response = await (await ctx.login(user)).get('/api/v1/auth/me');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: user.id,
      username: user.username,
      orgId,
      dataScope: 'own',
      locale: 'zh-CN',
    });
    const salespersonRole = DEFAULT_ROLES.find((r) => r.code === 'salesperson')!;
    expect(response.json().permissions).toEqual([...salespersonRole.permissions].sort());
    expect(response.json().permissions).toEqual(
      expect.arrayContaining(['customers.create', 'customers.edit', 'customers.view']),
    );
    expect(response.json().permissions).not.toContain('customers.delete');
    expect(response.body).not.toMatch(/password|hash/i);
  });

  it('PATCH /auth/me stores the language; the next login and error messages use it', async () => {
    const user = await salesperson();
    const client = await ctx.login(user);
    const response = await client.patch('/api/v1/auth/me', { locale: 'en' });
    expect(response.statusCode).toBe(200);
    expect(response.json().locale).toBe('en');
    expect((await client.get('/api/v1/auth/me')).json().locale).toBe('en');
    const again = await login(user.username, TEST_PASSWORD);
    expect(again.json().locale).toBe('en');
    const invalid = await client.post('/api/v1/customers', { kind: 'company', name: '' });
    expect(invalid.json().error.message).toMatch(/[A-Za-z]/);
    expect(invalid.json().error.message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('saving an unchanged profile records nothing; a change records only the field that changed', async () => {
    const user = await salesperson();
    const client = await ctx.login(user);
    const entries = () =>
      queryRows<{ before: unknown; after: unknown }>(
        ctx.database.db,
        sql`select before, after from audit_log where org_id = ${orgId} and entity = 'user' and entity_id = ${user.id} and action = 'update'`,
      );
    const me = (await client.get('/api/v1/auth/me')).json();
    expect((await client.patch('/api/v1/auth/me', { locale: me.locale, displayName: me.displayName })).statusCode).toBe(
      200,
    );
    expect(await entries()).toEqual([]);
    expect((await client.patch('/api/v1/auth/me', { locale: 'en', displayName: me.displayName })).statusCode).toBe(200);
    expect(await entries()).toEqual([{ before: { locale: me.locale }, after: { locale: 'en' } }]);
  });

  it('PATCH /auth/me rejects fields a user may not set on themselves', async () => {
    const user = await salesperson();
    const client = await ctx.login(user);
    for (const body of [{ locale: 'fr' }, { username: 'root' }, { roleIds: [roleIds.admin] }, { disabled: false }]) {
      expect((await client.patch('/api/v1/auth/me', body)).statusCode).toBe(400);
    }
    expect((await client.get('/api/v1/auth/me')).json()).toMatchObject({ username: user.username, dataScope: 'own' });
  });
});
