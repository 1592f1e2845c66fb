import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import type { Client } from '../../test/test-app.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 2 });

let mobileSeq = 0;
const nextMobile = () => `1370000${String(++mobileSeq).padStart(4, '0')}`;
async function addContact(client: Client, customerId: string, extra: Record<string, unknown> = {}) {
  const response = await client.post('/api/v1/contacts', {
    customerId,
    name: `联系人${mobileSeq}`,
    mobile: nextMobile(),
    ...extra,
  });
  if (response.statusCode !== 201) throw new Error(`contact create failed: ${response.body}`);
  return response.json() as { id: string; isPrimary: boolean; version: number };
}
const primaryOf = async (client: Client, customerId: string) =>
  ((await client.get(`/api/v1/customers/${customerId}/contacts`)).json().items as { id: string; isPrimary: boolean }[])
    .filter((c) => c.isPrimary)
    .map((c) => c.id);

describe('contacts API', () => {
  it('creates a contact with title, WeChat and decision-maker flag; the first one is primary', async () => {
    const customerId = p.customers.r1[0]!;
    const response = await p.clients.r1.post('/api/v1/contacts', {
      customerId,
      name: ' 陈经理 ',
      title: '采购经理',
      mobile: '13711112222',
      email: 'chen@example.cn',
      wechat: 'chen_wx',
      isDecisionMaker: true,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      name: '陈经理',
      title: '采购经理',
      wechat: 'chen_wx',
      isPrimary: true,
      isDecisionMaker: true,
      version: 1,
      duplicateWarnings: [],
    });
    const list = (await p.clients.r1.get(`/api/v1/customers/${customerId}/contacts`)).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([response.json().id]);
  });

  it('making another contact primary clears the old primary in the same write', async () => {
    const customerId = p.customers.r1[1]!;
    const first = await addContact(p.clients.r1, customerId);
    const second = await addContact(p.clients.r1, customerId);
    expect([first.isPrimary, second.isPrimary]).toEqual([true, false]);
    const third = await addContact(p.clients.r1, customerId, { isPrimary: true });
    expect(third.isPrimary).toBe(true);
    expect(await primaryOf(p.clients.r1, customerId)).toEqual([third.id]);
    const promoted = await p.clients.r1.patch(`/api/v1/contacts/${second.id}`, {
      isPrimary: true,
      version: second.version,
    });
    expect(promoted.statusCode).toBe(200);
    expect(await primaryOf(p.clients.r1, customerId)).toEqual([second.id]);
  });

  it('the primary cannot just be unset (422), and deleting it hands over to the earliest contact', async () => {
    const customerId = p.customers.r2[0]!;
    const first = await addContact(p.clients.r2, customerId);
    const second = await addContact(p.clients.r2, customerId);
    const unset = await p.clients.r2.patch(`/api/v1/contacts/${first.id}`, {
      isPrimary: false,
      version: first.version,
    });
    expect(unset.statusCode).toBe(422);
    expect((await p.clients.eastManager.delete(`/api/v1/contacts/${first.id}`)).statusCode).toBe(204);
    expect(await primaryOf(p.clients.r2, customerId)).toEqual([second.id]);
    expect((await p.clients.r2.get(`/api/v1/contacts/${first.id}`)).statusCode).toBe(404);
    const trash = (await p.clients.eastManager.get('/api/v1/contacts?deleted=true')).json();
    expect(trash.items.map((c: { id: string }) => c.id)).toContain(first.id);
    const restored = await p.clients.eastManager.post(`/api/v1/contacts/${first.id}/restore`, {});
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ deletedAt: null, isPrimary: false });
    expect(await primaryOf(p.clients.r2, customerId)).toEqual([second.id]);
  });

  it('a stale version answers 409 and changes nothing', async () => {
    const contact = await addContact(p.clients.r2, p.customers.r2[1]!);
    expect(
      (await p.clients.r2.patch(`/api/v1/contacts/${contact.id}`, { title: '总经理', version: contact.version }))
        .statusCode,
    ).toBe(200);
    const stale = await p.clients.r2.patch(`/api/v1/contacts/${contact.id}`, {
      title: '董事长',
      version: contact.version,
    });
    expect(stale.statusCode).toBe(409);
    expect((await p.clients.r2.get(`/api/v1/contacts/${contact.id}`)).json()).toMatchObject({
      title: '总经理',
      version: 2,
    });
  });

  it('writes are audited in the same transaction', async () => {
    const contact = await addContact(p.clients.r1, p.customers.r1[0]!, { name: '审计联系人' });
    await p.clients.r1.patch(`/api/v1/contacts/${contact.id}`, { title: '财务', version: contact.version });
    const rows = await queryRows<{ action: string }>(
      ctx.database.db,
      sql`select action from audit_log where entity = 'contact' and entity_id = ${contact.id} order by at, id`,
    );
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
  });
});

describe('contacts follow their customer (security A3, A5)', () => {
  it('a contact of an out-of-scope customer answers 404 by its own id, and nothing changes', async () => {
    const contact = await addContact(p.clients.r2, p.customers.r2[0]!, { name: '二号的联系人' });
    expect((await p.clients.r1.get(`/api/v1/contacts/${contact.id}`)).statusCode).toBe(404);
    expect((await p.clients.r1.patch(`/api/v1/contacts/${contact.id}`, { title: 'x', version: 1 })).statusCode).toBe(
      404,
    );
    expect((await p.clients.r3.get(`/api/v1/customers/${p.customers.r2[0]}/contacts`)).statusCode).toBe(404);
    expect((await p.clients.eastManager.get(`/api/v1/contacts/${contact.id}`)).statusCode).toBe(200);
    expect((await p.clients.r2.get(`/api/v1/contacts/${contact.id}`)).json().title).toBeNull();
  });

  it('lists only contacts of customers in scope', async () => {
    const mine = await addContact(p.clients.r3, p.customers.r3[0]!, { name: '西区联系人' });
    const r1List = (await p.clients.r1.get('/api/v1/contacts?limit=200')).json().items.map((c: { id: string }) => c.id);
    expect(r1List).not.toContain(mine.id);
    const headList = (await p.clients.head.get('/api/v1/contacts?limit=200'))
      .json()
      .items.map((c: { id: string }) => c.id);
    expect(headList).toContain(mine.id);
    const q = (await p.clients.r1.get(`/api/v1/contacts?q=${encodeURIComponent('西区')}`)).json();
    expect(q.items).toEqual([]);
  });

  it("linking a contact to another salesperson's customer fails and writes nothing", async () => {
    const response = await p.clients.r1.post('/api/v1/contacts', { customerId: p.customers.r2[1], name: '越权联系人' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('customerId');
    const own = await addContact(p.clients.r1, p.customers.r1[0]!, { name: '搬家联系人' });
    const moved = await p.clients.r1.patch(`/api/v1/contacts/${own.id}`, {
      customerId: p.customers.r2[1],
      version: own.version,
    });
    expect(moved.statusCode).toBe(400);
    expect((await p.clients.r1.get(`/api/v1/contacts/${own.id}`)).json()).toMatchObject({
      customerId: p.customers.r1[0],
      version: 1,
    });
  });

  it('a manager moves a contact between customers in scope; primaries stay one per customer', async () => {
    const from = p.customers.eastManager[0]!;
    const to = p.customers.eastManager[1]!;
    const a = await addContact(p.clients.eastManager, from, { name: '甲' });
    const b = await addContact(p.clients.eastManager, from, { name: '乙' });
    const c = await addContact(p.clients.eastManager, to, { name: '丙' });
    const moved = await p.clients.eastManager.patch(`/api/v1/contacts/${a.id}`, { customerId: to, version: a.version });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ customerId: to, isPrimary: false });
    expect(await primaryOf(p.clients.eastManager, from)).toEqual([b.id]);
    expect(await primaryOf(p.clients.eastManager, to)).toEqual([c.id]);
  });

  it('creating a contact needs the customer edit right as well', async () => {
    const response = await p.clients.finance.post('/api/v1/contacts', {
      customerId: p.customers.r1[0],
      name: '财务加的',
    });
    expect(response.statusCode).toBe(403);
  });

  it('mobile, WeChat and email follow the customer field permissions', async () => {
    const role = await ctx.createRole(p.orgId, {
      code: 'contacts_no_phone',
      permissions: ['customers.view', 'contacts.view', 'contacts.edit'],
      dataScope: 'all',
      fieldPermissions: { 'customers.phone': 'hidden' },
    });
    const viewer = await ctx.login(await ctx.createUser({ orgId: p.orgId, roleIds: [role] }));
    const contact = await addContact(p.clients.r1, p.customers.r1[0]!, {
      name: '隐藏字段',
      wechat: 'hidden_wx',
      mobile: '13766667777',
    });
    const seen = (await viewer.get(`/api/v1/contacts/${contact.id}`)).json();
    expect(seen).not.toHaveProperty('mobile');
    expect(seen).not.toHaveProperty('wechat');
    expect(seen).toHaveProperty('email');
    expect((await viewer.get('/api/v1/contacts?q=66667777')).json().items).toEqual([]);
    const write = await viewer.patch(`/api/v1/contacts/${contact.id}`, {
      mobile: '13766667778',
      version: contact.version,
    });
    expect(write.statusCode).toBe(400);
    expect(write.json().error.fields[0].field).toBe('mobile');
  });

  it('a name of only spaces answers 400 naming the field', async () => {
    const blank = (r: { statusCode: number; json: () => { error: { fields: { field: string }[] } } }) => [
      r.statusCode,
      r.json().error.fields.map((f) => f.field),
    ];
    const customerId = p.customers.r1[0]!;
    expect(blank(await p.clients.r1.post('/api/v1/contacts', { customerId, name: '   ' }))).toEqual([400, ['name']]);
    const contact = await addContact(p.clients.r1, customerId);
    expect(
      blank(await p.clients.r1.patch(`/api/v1/contacts/${contact.id}`, { name: ' ', version: contact.version })),
    ).toEqual([400, ['name']]);
  });
});
