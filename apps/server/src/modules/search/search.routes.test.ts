import { beforeAll, describe, expect, it } from 'vitest';
import type { Personas } from '../../test/personas.js';
import { usePersonas } from '../../test/file-context.js';
import { postCustomer } from '../../test/customer-requests.js';

const { ctx, p } = usePersonas({ customersEach: 1 });
let r1Customer: string;
let r1Contact: string;
let r2Customer: string;
let r2Contact: string;

beforeAll(async () => {
  r1Customer = (
    await postCustomer(p.clients.r1, { kind: 'company', name: '深圳华为电子有限公司', phone: '13655501234' })
  ).json().id;
  r1Contact = (
    await p.clients.r1.post('/api/v1/contacts', {
      customerId: r1Customer,
      name: '黄华',
      mobile: '13755509876',
      title: '采购',
    })
  ).json().id;
  r2Customer = (
    await p.clients.r2.post('/api/v1/customers', { kind: 'company', name: '华为', phone: '13655504321' })
  ).json().id;
  r2Contact = (
    await p.clients.r2.post('/api/v1/contacts', { customerId: r2Customer, name: '华小姐', mobile: '13755501111' })
  ).json().id;
});

const search = async (client: keyof Personas['clients'], q: string) => {
  const response = await p.clients[client].get(`/api/v1/search?q=${encodeURIComponent(q)}`);
  expect(response.statusCode, q).toBe(200);
  return response.json() as {
    customers?: { id: string; phone?: string }[];
    contacts?: { id: string; mobile?: string; customerName: string }[];
  };
};
const ids = (items: { id: string }[] | undefined) => (items ?? []).map((i) => i.id);

describe('quick search over customers and contacts', () => {
  it('finds customers and contacts by one or two Chinese characters, pinyin initials and phone suffix, grouped by type', async () => {
    const chars = await search('r1', '华');
    expect(ids(chars.customers)).toEqual([r1Customer]);
    expect(ids(chars.contacts)).toEqual([r1Contact]);
    expect(ids((await search('r1', '华为')).customers)).toEqual([r1Customer]);
    expect(ids((await search('r1', 'hw')).customers)).toEqual([r1Customer]);
    expect(ids((await search('r1', '1234')).customers)).toEqual([r1Customer]);
    const contactBySuffix = await search('r1', '9876');
    expect(ids(contactBySuffix.contacts)).toEqual([r1Contact]);
    expect(contactBySuffix.contacts![0]).toMatchObject({ customerName: '深圳华为电子有限公司', mobile: '13755509876' });
  });

  it('stays inside the data scope: a colleague’s customers and their contacts never appear', async () => {
    const r1 = await search('r1', '华');
    expect(ids(r1.customers)).not.toContain(r2Customer);
    expect(ids(r1.contacts)).not.toContain(r2Contact);
    expect(ids((await search('r3', '华')).customers)).toEqual([]);
    const manager = await search('eastManager', '华');
    expect(ids(manager.customers).sort()).toEqual([r1Customer, r2Customer].sort());
    expect(ids(manager.contacts).sort()).toEqual([r1Contact, r2Contact].sort());
  });

  it('ranks an exact name first, then names starting with the query', async () => {
    const manager = await search('eastManager', '华为');
    expect(ids(manager.customers)).toEqual([r2Customer, r1Customer]);
  });

  it('respects hidden fields: no phone shown, no match by phone, no contacts without the right', async () => {
    const byName = await search('service', '华为');
    expect(ids(byName.customers).length).toBeGreaterThan(0);
    for (const hit of byName.customers!) expect(hit).not.toHaveProperty('phone');
    expect(byName).not.toHaveProperty('contacts');
    expect(ids((await search('service', '1234')).customers)).toEqual([]);
  });

  it('answers 400 for an empty or overlong query, and 403 without the customer view right', async () => {
    expect((await p.clients.r1.get('/api/v1/search?q=')).statusCode).toBe(400);
    expect((await p.clients.r1.get(`/api/v1/search?q=${'x'.repeat(65)}`)).statusCode).toBe(400);
    const role = await ctx.createRole(p.orgId, { code: 'no_customers', permissions: ['users.view'], dataScope: 'all' });
    const nobody = await ctx.login(await ctx.createUser({ orgId: p.orgId, roleIds: [role] }));
    expect((await nobody.get('/api/v1/search?q=hw')).statusCode).toBe(403);
  });
});
