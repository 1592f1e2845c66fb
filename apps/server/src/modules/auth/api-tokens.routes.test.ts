import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { credentialsRepository } from '../../platform/auth/credentials.repository.js';
import { hashSecret } from '../../platform/auth/secrets.js';
import { queryRows } from '../../platform/db/query.js';
import type { Client } from '../../test/test-app.js';
import { useTestContext } from '../../test/file-context.js';

/* Issue 10, defect 8: API tokens die with a disabled user, expire, and record their last use. */
const ctx = useTestContext();
let orgId: string;
let roleIds: Record<string, string>;
let admin: Client;

beforeAll(async () => {
  ({ orgId, roleIds } = await ctx.createOrg());
  admin = await ctx.login(await ctx.createUser({ orgId, roleIds: [roleIds.admin!] }));
});
afterEach(() => vi.restoreAllMocks());

const DAY = 24 * 3600_000;
const salesperson = async () => {
  const user = await ctx.createUser({ orgId, roleIds: [roleIds.salesperson!] });
  return { user, client: await ctx.login(user) };
};
const meWithToken = (token: string) =>
  ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
const versionOf = async (id: string) => (await admin.get(`/api/v1/users/${id}`)).json().version as number;

describe('disabling a user revokes their API tokens', () => {
  it('a disabled user’s token answers 401 and stays dead after the user is enabled again', async () => {
    const { user, client } = await salesperson();
    const created = (await client.post('/api/v1/auth/tokens', { name: 'ERP sync' })).json();
    expect((await meWithToken(created.token)).statusCode).toBe(200);

    expect(
      (await admin.patch(`/api/v1/users/${user.id}`, { disabled: true, version: await versionOf(user.id) })).statusCode,
    ).toBe(200);
    expect((await meWithToken(created.token)).statusCode).toBe(401);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);

    expect(
      (await admin.patch(`/api/v1/users/${user.id}`, { disabled: false, version: await versionOf(user.id) }))
        .statusCode,
    ).toBe(200);
    expect((await meWithToken(created.token)).statusCode).toBe(401);
    const again = await ctx.login(user);
    expect((await again.get('/api/v1/auth/tokens')).json().items).toEqual([]);

    const stored = await queryRows<{ revoked_at: unknown }>(
      ctx.database.db,
      sql`select revoked_at from api_tokens where id = ${created.id}`,
    );
    expect(stored[0]!.revoked_at).not.toBeNull();
    const log = (await admin.get(`/api/v1/audit-log?entity=api_token&entityId=${created.id}`)).json().items as {
      action: string;
      actorId: string;
    }[];
    expect(log.map((e) => e.action).sort()).toEqual(['create', 'delete']);
  });
});

describe('token expiry', () => {
  it('defaults to 90 days, takes a chosen lifetime and lists when each token expires', async () => {
    const { client } = await salesperson();
    const before = Date.now();
    const standard = (await client.post('/api/v1/auth/tokens', { name: 'default' })).json();
    const week = await client.post('/api/v1/auth/tokens', { name: 'a week', expiresInDays: 7 });
    expect(week.statusCode).toBe(201);
    const days = (iso: string) => Math.round((new Date(iso).getTime() - before) / DAY);
    expect(days(standard.expiresAt)).toBe(90);
    expect(days(week.json().expiresAt)).toBe(7);
    const listed = (await client.get('/api/v1/auth/tokens')).json().items as {
      name: string;
      expiresAt: string;
      lastUsedAt: string | null;
    }[];
    expect(Object.fromEntries(listed.map((t) => [t.name, days(t.expiresAt)]))).toEqual({ default: 90, 'a week': 7 });
  });

  it('an expired token authenticates nothing', async () => {
    const { client } = await salesperson();
    const { id, token } = (await client.post('/api/v1/auth/tokens', { name: 'short', expiresInDays: 1 })).json();
    expect((await meWithToken(token)).statusCode).toBe(200);
    await ctx.database.db.execute(sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${id}`);
    expect((await meWithToken(token)).statusCode).toBe(401);
    const customers = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/customers',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(customers.statusCode).toBe(401);
  });

  it('a lifetime of 0, more than a year, a fraction or text answers 400 naming expiresInDays', async () => {
    const { client } = await salesperson();
    for (const expiresInDays of [0, 366, 1.5, 'forever', null]) {
      const response = await client.post('/api/v1/auth/tokens', { name: 'bad', expiresInDays });
      expect(response.statusCode, String(expiresInDays)).toBe(400);
      expect(response.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['expiresInDays']);
    }
    const tooLong = await client.post('/api/v1/auth/tokens', { name: 'bad', expiresInDays: 366 });
    expect(tooLong.json().error.fields[0].message).toBe('有效期（天）不能大于 365');
    const blank = await client.post('/api/v1/auth/tokens', { name: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields[0].field).toBe('name');
    expect((await client.get('/api/v1/auth/tokens')).json().items).toEqual([]);
  });
});

describe('last use', () => {
  it('is recorded, and written at most once a minute however many requests the token makes', async () => {
    const { client } = await salesperson();
    const { token } = (await client.post('/api/v1/auth/tokens', { name: 'busy' })).json();
    expect((await client.get('/api/v1/auth/tokens')).json().items[0].lastUsedAt).toBeNull();
    const touch = vi.spyOn(credentialsRepository, 'touchApiToken');
    for (let i = 0; i < 5; i++) expect((await meWithToken(token)).statusCode).toBe(200);
    expect(touch).toHaveBeenCalledTimes(1);
    const firstUse = (await client.get('/api/v1/auth/tokens')).json().items[0].lastUsedAt as string;
    expect(Date.now() - new Date(firstUse).getTime()).toBeLessThan(60_000);

    // A minute later the next request records the new time.
    await ctx.database.db.execute(
      sql`update api_tokens set last_used_at = now() - interval '2 minutes' where token_hash = ${hashSecret(token)}`,
    );
    await meWithToken(token);
    expect(touch).toHaveBeenCalledTimes(2);
    const secondUse = (await client.get('/api/v1/auth/tokens')).json().items[0].lastUsedAt as string;
    expect(Date.now() - new Date(secondUse).getTime()).toBeLessThan(60_000);
  });
});
