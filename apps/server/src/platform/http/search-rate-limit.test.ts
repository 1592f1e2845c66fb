import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonas, type Personas } from '../../test/personas.js';
import { createTestContext, type TestContext } from '../../test/test-app.js';

let ctx: TestContext;
let p: Personas;

beforeAll(async () => {
  ctx = await createTestContext({ searchRateLimitPerMinute: 3 });
  p = await createPersonas(ctx, { customersEach: 1 });
});
afterAll(() => ctx.close());

describe('search rate limit (security E)', () => {
  it('answers 429 with a localized message once a user used up the searches of the minute, per user', async () => {
    for (let i = 0; i < 3; i++) expect((await p.clients.r1.get(`/api/v1/search?q=客户${i}`)).statusCode).toBe(200);
    const limited = await p.clients.r1.get('/api/v1/customers?q=客户');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.json().error).toMatchObject({
      code: 'rate_limited',
      message: expect.stringContaining('请求过于频繁'),
    });
    // Another user keeps their own budget.
    expect((await p.clients.r2.get('/api/v1/search?q=客户')).statusCode).toBe(200);
  });

  it('does not count plain list pages without a search term', async () => {
    for (let i = 0; i < 5; i++) expect((await p.clients.r3.get('/api/v1/customers?limit=5')).statusCode).toBe(200);
    expect((await p.clients.r3.get('/api/v1/customers?q=客户')).statusCode).toBe(200);
  });
});
