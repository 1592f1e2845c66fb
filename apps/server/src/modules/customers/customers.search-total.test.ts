import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../test/test-app.js';
import { SEARCH_CANDIDATE_LIMIT } from './customer-list.repository.js';

let ctx: TestContext;
let admin: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  const { orgId, roleIds } = await ctx.createOrg();
  const user = await ctx.createUser({ orgId, roleIds: [roleIds.admin!] });
  admin = await ctx.login(user);
  // More matches than a search ranks, inserted in one statement to keep the test fast.
  await ctx.database.db.execute(sql`
    insert into customers (org_id, id, customer_no, kind, name, owner_id, search_tokens)
    select ${orgId}, gen_random_uuid(), 'T' || n, 'company', '常见测试名称' || n, ${user.id}, '''常见'' ''cjcs'''::tsvector
      from generate_series(1, ${SEARCH_CANDIDATE_LIMIT + 5}) as n`);
});
afterAll(() => ctx.close());

describe('search totals', () => {
  it('a search with more matches than it ranks says its total is an estimate', async () => {
    const body = (await admin.get('/api/v1/customers?q=常见&limit=10')).json();
    expect(body.items).toHaveLength(10);
    expect(body.total).toBe(SEARCH_CANDIDATE_LIMIT);
    expect(body.totalIsEstimate).toBe(true);
  });

  it('pinyin initials reach the same matches, and a search below the cap is exact', async () => {
    const initials = (await admin.get('/api/v1/customers?q=cjcs&limit=10')).json();
    expect(initials).toMatchObject({ total: SEARCH_CANDIDATE_LIMIT, totalIsEstimate: true });
    const none = (await admin.get('/api/v1/customers?q=不存在的名字&limit=10')).json();
    expect(none).toMatchObject({ total: 0, totalIsEstimate: false });
  });
});
