import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db/query.js';
import type { Client } from '../test/test-app.js';
import { useTestContext } from '../test/file-context.js';

const ctx = useTestContext();
let clerk: Client;

beforeAll(async () => {
  const { orgId, roleIds } = await ctx.createOrg();
  clerk = await ctx.login(await ctx.createUser({ orgId, roleIds: [roleIds.clerk!] }));
});

const customerCount = async () =>
  (await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from customers`))[0]!.n;

describe('limits (security E)', () => {
  it('page size is capped at 200', async () => {
    expect((await clerk.get('/api/v1/customers?limit=200')).statusCode).toBe(200);
    for (const limit of ['201', '1000000', '0', '-1', '1.5', 'abc', '1e3']) {
      const response = await clerk.get(`/api/v1/customers?limit=${limit}`);
      expect(response.statusCode, limit).toBe(400);
      expect(response.json().error.fields[0].field, limit).toBe('limit');
    }
  });

  it('a request body over 1 MiB answers 413 and writes nothing', async () => {
    const before = await customerCount();
    const huge = { kind: 'company', name: '大包公司', remarks: 'x'.repeat(1024 * 1024) };
    const response = await clerk.post('/api/v1/customers', huge);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
    expect(await customerCount()).toBe(before);
  });

  it('an oversized sign-in body answers 413, not 500', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'p'.repeat(1024 * 1024 + 1) },
    });
    expect(response.statusCode).toBe(413);
  });

  it('a body just under the limit is read and validated normally', async () => {
    const response = await clerk.post('/api/v1/customers', {
      kind: 'company',
      name: '中包公司',
      remarks: 'x'.repeat(1000 * 1000),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('remarks');
  });
});

describe('request ids', () => {
  it('every answer carries X-Request-Id, and errors repeat it in the body', async () => {
    const ok = await clerk.get('/api/v1/customers?limit=1');
    expect(ok.headers['x-request-id']).toMatch(/^[\w-]+$/);
    const bad = await clerk.get('/api/v1/customers?limit=0');
    expect(bad.json().error.requestId).toBe(bad.headers['x-request-id']);
    const given = await clerk.request({
      method: 'GET',
      url: '/api/v1/health',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(given.headers['x-request-id']).toBe('trace-123');
  });
});
