import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../test/test-app.js';
import { queryRows } from '../db/query.js';
import { useTestContext } from '../../test/file-context.js';

const ctx = useTestContext();
let manager: Client;
let customerId: string;

beforeAll(async () => {
  const { orgId, roleIds } = await ctx.createOrg();
  manager = await ctx.login(await ctx.createUser({ orgId, roleIds: [roleIds.sales_manager!] }));
  customerId = (await manager.post('/api/v1/customers', { kind: 'company', name: '跨站测试有限公司' })).json().id;
});

/** Everything a request could have changed. */
async function state() {
  const rows = await queryRows<Record<string, string | number>>(
    ctx.database.db,
    sql`select (select count(*) from customers)::int as customers,
               (select count(*) from customers where deleted_at is not null)::int as deleted,
               (select coalesce(sum(version), 0) from customers)::int as customer_versions,
               (select count(*) from audit_log)::int as audit,
               (select count(*) from sessions)::int as sessions,
               (select count(*) from api_tokens where revoked_at is null)::int as tokens,
               (select coalesce(sum(version), 0) from users)::int as user_versions`,
  );
  return rows[0];
}

/** A request as a cross-site form would send it: the session cookie, but no custom header. */
function crossSite(method: 'POST' | 'PATCH' | 'DELETE', url: string, contentType: string | null, body?: string) {
  return ctx.app.inject({
    method,
    url,
    headers: { cookie: `guanxi_session=${manager.cookie}`, ...(contentType ? { 'content-type': contentType } : {}) },
    ...(body === undefined ? {} : { payload: body }),
  });
}

const json = (value: unknown) => JSON.stringify(value);

describe('CSRF protection of cookie sessions (security C4)', () => {
  const formTypes = [
    'text/plain',
    'text/plain;charset=UTF-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
  ];

  it('refuses a cookie-authenticated POST with a form content type and writes nothing', async () => {
    const before = await state();
    for (const type of formTypes) {
      const response = await crossSite('POST', '/api/v1/customers', type, json({ kind: 'company', name: '伪造公司' }));
      expect([403, 415], type).toContain(response.statusCode);
    }
    expect(await state()).toEqual(before);
  });

  it('refuses a cookie-authenticated PATCH and DELETE without JSON or the custom header', async () => {
    const before = await state();
    for (const type of [...formTypes, null]) {
      const patch = await crossSite(
        'PATCH',
        `/api/v1/customers/${customerId}`,
        type,
        json({ name: '改名', version: 1 }),
      );
      expect([403, 415], `PATCH ${type}`).toContain(patch.statusCode);
      const del = await crossSite('DELETE', `/api/v1/customers/${customerId}`, type, type ? '' : undefined);
      expect([403, 415], `DELETE ${type}`).toContain(del.statusCode);
    }
    expect(await state()).toEqual(before);
  });

  it('refuses cross-site logout, password change and token creation', async () => {
    const before = await state();
    const logout = await crossSite('POST', '/api/v1/auth/logout', 'text/plain', '');
    const password = await crossSite(
      'POST',
      '/api/v1/auth/password',
      'text/plain',
      json({ currentPassword: 'x', newPassword: 'attacker-password-1' }),
    );
    const token = await crossSite('POST', '/api/v1/auth/tokens', 'application/x-www-form-urlencoded', 'name=evil');
    for (const response of [logout, password, token]) expect([403, 415]).toContain(response.statusCode);
    expect(logout.statusCode).toBe(403);
    expect(logout.json().error.code).toBe('forbidden');
    expect(await state()).toEqual(before);
    expect((await manager.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('a form cannot sign anyone in', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: json({ username: manager.user.username, password: 'correct-horse-battery' }),
    });
    expect(response.statusCode).not.toBe(200);
    expect(response.cookies).toEqual([]);
  });

  it('allows a JSON body without the custom header', async () => {
    const response = await crossSite(
      'POST',
      '/api/v1/customers',
      'application/json',
      json({ kind: 'person', name: '正常客户' }),
    );
    expect(response.statusCode).toBe(201);
  });

  it('allows a body-less request carrying X-Requested-With', async () => {
    const created = (await manager.post('/api/v1/customers', { kind: 'person', name: '待删除客户' })).json().id;
    const response = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/customers/${created}`,
      headers: { cookie: `guanxi_session=${manager.cookie}`, 'x-requested-with': 'XMLHttpRequest' },
    });
    expect(response.statusCode).toBe(204);
  });

  it('Bearer requests are exempt: no cookie is involved, so no forgery is possible', async () => {
    const { token } = (await manager.post('/api/v1/auth/tokens', { name: 'integration' })).json();
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: json({ kind: 'person', name: '接口客户' }),
    });
    expect(created.statusCode).toBe(201);
    const deleted = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/customers/${created.json().id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(deleted.statusCode).toBe(204);
  });
});

describe('GET never changes state (security C4)', () => {
  it('reading every resource leaves the data unchanged', async () => {
    const before = await state();
    for (const url of [
      '/api/v1/auth/me',
      '/api/v1/auth/tokens',
      '/api/v1/customers',
      `/api/v1/customers/${customerId}`,
      '/api/v1/customers?deleted=true',
      '/api/v1/health',
    ]) {
      expect((await manager.get(url)).statusCode, url).toBe(200);
    }
    expect(await state()).toEqual(before);
  });

  it('GET on an action URL does nothing: no logout, no restore, no password change', async () => {
    const deleted = (await manager.post('/api/v1/customers', { kind: 'person', name: '回收站客户' })).json().id;
    await manager.delete(`/api/v1/customers/${deleted}`);
    const before = await state();
    for (const url of [
      '/api/v1/auth/logout',
      `/api/v1/customers/${deleted}/restore`,
      '/api/v1/auth/password',
      '/api/v1/auth/login',
    ]) {
      expect((await manager.get(url)).statusCode, url).toBe(404);
    }
    expect(await state()).toEqual(before);
    expect((await manager.get('/api/v1/auth/me')).statusCode).toBe(200);
  });
});
