import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customerTeamMembers } from '../../platform/db/schema/index.js';
import { usePersonas } from '../../test/file-context.js';
import { postCustomer } from '../../test/customer-requests.js';

const { ctx, p } = usePersonas({ customersEach: 4 });
let kept: string;

const idsOf = (body: { items: { id: string }[] }) => body.items.map((c) => c.id);

beforeAll(async () => {
  const created = await postCustomer(p.clients.r1, {
    kind: 'company',
    name: '团队成员测试贸易有限公司',
    phone: '13566660001',
  });
  kept = created.json().id;
  const transfer = await p.clients.r1.post(`/api/v1/customers/${kept}/transfer`, {
    userId: p.users.r3.id,
    keepAsTeamMember: true,
  });
  expect(transfer.statusCode, transfer.body).toBe(200);
});

describe('team members in customer lists', () => {
  it('a read-only team member finds the customer in the list, its total and search', async () => {
    const list = (await p.clients.r1.get('/api/v1/customers?limit=200')).json();
    expect(idsOf(list)).toContain(kept);
    expect(list.total).toBe(p.customers.r1.length + 1);
    for (const q of ['团队成员', 'tdcy', '0001']) {
      expect(idsOf((await p.clients.r1.get(`/api/v1/customers?q=${encodeURIComponent(q)}`)).json()), q).toContain(kept);
    }
    expect(idsOf((await p.clients.r2.get('/api/v1/customers?limit=200')).json())).not.toContain(kept);
  });

  it('pages over own and team customers without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/customers?limit=2&sort=name${cursor ? `&cursor=${cursor}` : ''}`;
      const body = (await p.clients.r1.get(url)).json();
      seen.push(...idsOf(body));
      cursor = body.nextCursor;
    } while (cursor);
    expect([...seen].sort()).toEqual([...p.customers.r1, kept].sort());
  });

  it('"my customers" leaves out customers the caller only follows as a team member', async () => {
    const mine = idsOf((await p.clients.r1.get('/api/v1/customers?view=mine&limit=200')).json());
    expect(mine.sort()).toEqual([...p.customers.r1].sort());
  });

  it('a read-only team member cannot edit: 404, and the record is unchanged', async () => {
    const before = (await p.clients.r3.get(`/api/v1/customers/${kept}`)).json();
    const edit = await p.clients.r1.patch(`/api/v1/customers/${kept}`, { city: '深圳', version: before.version });
    expect(edit.statusCode).toBe(404);
    const after = (await p.clients.r3.get(`/api/v1/customers/${kept}`)).json();
    expect(after).toMatchObject({ version: before.version, city: before.city });
  });

  it('an expired team membership shows nothing any more', async () => {
    await ctx.database.db
      .update(customerTeamMembers)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(and(eq(customerTeamMembers.orgId, p.orgId), eq(customerTeamMembers.customerId, kept)));
    const list = (await p.clients.r1.get('/api/v1/customers?limit=200')).json();
    expect(idsOf(list)).not.toContain(kept);
    expect(list.total).toBe(p.customers.r1.length);
    expect(idsOf((await p.clients.r1.get('/api/v1/customers?q=tdcy')).json())).not.toContain(kept);
    expect((await p.clients.r1.get(`/api/v1/customers/${kept}`)).statusCode).toBe(404);
  });
});
