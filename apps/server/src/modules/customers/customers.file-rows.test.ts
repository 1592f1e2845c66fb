import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '@guanxi/contract';
import type { Client } from '../../test/test-app.js';
import { columnOf, csvRows } from '../../test/export-files.js';
import { useTestContext } from '../../test/file-context.js';

const ctx = useTestContext();
let admin: Client;

/** Every page of the list (at most 200 a page), as the screen would scroll through it. */
async function wholeList(query: string): Promise<Customer[]> {
  const items: Customer[] = [];
  let cursor: string | null = null;
  do {
    const page = (
      await admin.get(`/api/v1/customers?${query}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
    ).json() as { items: Customer[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

beforeAll(async () => {
  const { orgId, roleIds } = await ctx.createOrg();
  const user = await ctx.createUser({ orgId, roleIds: [roleIds.admin!] });
  admin = await ctx.login(user);
  // More customers than one export page (1000), with tags, birthdays, same-name ties and
  // times spread over a year, in one statement to keep the test fast.
  await ctx.database.db.execute(sql`
    insert into customers (org_id, id, customer_no, kind, name, owner_id, tags, birthday, created_at, updated_at)
    select ${orgId}, gen_random_uuid(), 'F' || n, 'company', '分页客户' || (n % 700), ${user.id},
           case when n % 3 = 0 then array['重点', 'VIP'] when n % 3 = 1 then array[]::text[] else array['华东'] end,
           case when n % 4 = 0 then date '1990-01-01' + n end,
           timestamptz '2026-01-01 00:00:00+00' + make_interval(secs => n * 15013.25),
           timestamptz '2026-03-01 00:00:00+00' + make_interval(secs => n * 7001.5)
      from generate_series(1, 2100) as n`);
});

describe('customer export rows', () => {
  it('hold the list exactly, page after page: same rows, order, tags, birthdays and times', async () => {
    for (const sort of ['name', '-updatedAt', 'createdAt']) {
      const list = await wholeList(`sort=${sort}`);
      const rows = csvRows(await admin.get(`/api/v1/customers/export?format=csv&sort=${sort}`));
      expect(rows.length - 1).toBe(list.length);
      expect(columnOf(rows, '客户编号')).toEqual(list.map((c) => c.customerNo));
      expect(columnOf(rows, '标签')).toEqual(list.map((c) => c.tags.join(', ')));
      expect(columnOf(rows, '生日')).toEqual(list.map((c) => c.birthday ?? ''));
      const minute = (iso: string) => iso.slice(0, 16).replace('T', ' ');
      // The organization's zone is Asia/Shanghai (UTC+8): the file prints its wall clock.
      const shanghai = (iso: string) => minute(new Date(Date.parse(iso) + 8 * 3_600_000).toISOString());
      expect(columnOf(rows, '更新时间')).toEqual(list.map((c) => shanghai(c.updatedAt)));
      expect(columnOf(rows, '创建时间')).toEqual(list.map((c) => shanghai(c.createdAt)));
    }
  });
});
