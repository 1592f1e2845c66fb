import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../test/test-app.js';
import { SEARCH_CANDIDATE_LIMIT } from './customer-list.repository.js';
import { useTestContext } from '../../test/file-context.js';

const ctx = useTestContext();
let admin: Client;

beforeAll(async () => {
  const { orgId, roleIds } = await ctx.createOrg();
  const user = await ctx.createUser({ orgId, roleIds: [roleIds.admin!] });
  admin = await ctx.login(user);
  // More matches than a search ranks, inserted in one statement to keep the test fast.
  await ctx.database.db.execute(sql`
    insert into customers (org_id, id, customer_no, kind, name, owner_id, search_tokens)
    select ${orgId}, gen_random_uuid(), 'T' || n, 'company', '常见测试名称' || n, ${user.id}, '''常见'' ''cjcs'''::tsvector
      from generate_series(1, ${SEARCH_CANDIDATE_LIMIT + 5}) as n`);
  await ctx.database.db.execute(sql`
    insert into customers (org_id, id, customer_no, kind, name, owner_id, search_tokens, stage)
    select ${orgId}, gen_random_uuid(), 'R' || n, 'company', '稀有名称' || n, ${user.id}, '''稀有'''::tsvector,
           case when n % 3 = 0 then 'interested' else 'prospect' end
      from generate_series(1, 30) as n`);
});

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

  it('a search with more matches than one page counts them all exactly, with the other filters applied', async () => {
    const all = (await admin.get('/api/v1/customers?q=稀有&limit=10')).json();
    expect(all).toMatchObject({ total: 30, totalIsEstimate: false });
    expect(all.items).toHaveLength(10);
    const interested = (await admin.get('/api/v1/customers?q=稀有&limit=4&stage=interested')).json();
    expect(interested).toMatchObject({ total: 10, totalIsEstimate: false });
    const next = (
      await admin.get(`/api/v1/customers?q=稀有&limit=4&stage=interested&cursor=${interested.nextCursor}`)
    ).json();
    expect(next.items.map((c: { id: string }) => c.id)).not.toContain(interested.items[0].id);
    expect(next.total).toBeUndefined();
  });
});
