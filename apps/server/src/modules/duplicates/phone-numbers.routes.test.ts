import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { usePersonas } from '../../test/file-context.js';
import { postCustomer } from '../../test/customer-requests.js';

// Issue 12: one phone number rule for entry, the duplicate check and search.
const { ctx, p } = usePersonas({ customersEach: 0 });

const idsOf = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

describe('one phone number, however it is written', () => {
  it('blocks a customer whose landline another customer has under another spelling', async () => {
    const first = await postCustomer(p.clients.r2, { kind: 'company', name: '上海申通物流', phone: '021-6666 8888' });
    expect(first.statusCode).toBe(201);
    for (const phone of ['+86 21 6666 8888', '0086-21-66668888', '(021) 66668888 转8001']) {
      const second = await postCustomer(p.clients.r1, { kind: 'company', name: '申通另一家', phone });
      expect(second.statusCode, phone).toBe(409);
      expect(second.json().error.duplicates, phone).toEqual([expect.objectContaining({ id: first.json().id })]);
    }
    const standalone = await p.clients.r1.get(`/api/v1/duplicates?phone=${encodeURIComponent('+86 21 6666 8888')}`);
    expect(standalone.json().matches).toEqual([expect.objectContaining({ id: first.json().id, matchedOn: ['phone'] })]);
  });

  it('stores the number as typed beside its E.164 form and extension', async () => {
    const created = await postCustomer(p.clients.r2, {
      kind: 'company',
      name: '杭州分机科技',
      phone: '0571-8888 6666 转8001',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().phone).toBe('0571-8888 6666 转8001');
    const rows = await queryRows<{ e164: string; ext: string }>(
      ctx.database.db,
      sql`select phone_e164 as e164, phone_ext as ext from customers where id = ${created.json().id}`,
    );
    expect(rows).toEqual([{ e164: '+8657188886666', ext: '8001' }]);
  });

  it('accepts a mobile written with +86 and finds it by its last digits and its national number', async () => {
    const created = await postCustomer(p.clients.r2, { kind: 'person', name: '国际格式', phone: '+86 138 0013 8000' });
    expect(created.statusCode).toBe(201);
    for (const q of ['8000', '13800138000', '138001']) {
      const ids = idsOf((await p.clients.r2.get(`/api/v1/customers?q=${encodeURIComponent(q)}`)).json());
      expect(ids, q).toContain(created.json().id);
    }
    const again = await postCustomer(p.clients.r2, { kind: 'person', name: '同一手机', phone: '138-0013-8000' });
    expect(again.statusCode).toBe(409);
  });

  it('finds a landline by its digits with and without the trunk 0', async () => {
    const created = await postCustomer(p.clients.r2, { kind: 'company', name: '北京座机', phone: '+86 10 6234 5678' });
    for (const q of ['1062345678', '01062345678', '5678']) {
      const ids = idsOf((await p.clients.r2.get(`/api/v1/customers?q=${encodeURIComponent(q)}`)).json());
      expect(ids, q).toContain(created.json().id);
    }
  });

  it('rejects what is no valid number, and a landline as a person’s mobile', async () => {
    for (const phone of ['12345678901', '021-1234', '13800138000abc']) {
      const response = await postCustomer(p.clients.r2, { kind: 'company', name: '坏号码', phone });
      expect(response.statusCode, phone).toBe(400);
      expect(response.json().error.fields, phone).toEqual([
        { field: 'phone', message: expect.stringContaining('手机号') },
      ]);
    }
    const person = await postCustomer(p.clients.r2, { kind: 'person', name: '座机个人', phone: '021-5555 8888' });
    expect(person.statusCode).toBe(400);
    expect(person.json().error.fields).toEqual([{ field: 'phone', message: expect.stringContaining('手机号') }]);
  });

  it('blocks a contact whose mobile another contact has under another spelling', async () => {
    const customer = (await postCustomer(p.clients.r2, { kind: 'company', name: '联系人公司' })).json();
    const first = await p.clients.r2.post('/api/v1/contacts', {
      customerId: customer.id,
      name: '王五',
      mobile: '13900139000',
    });
    expect(first.statusCode).toBe(201);
    const second = await p.clients.r2.post('/api/v1/contacts', {
      customerId: customer.id,
      name: '王六',
      mobile: '+86 139 0013 9000',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.fields).toEqual([{ field: 'mobile', message: expect.any(String) }]);
  });

  it('blocks a lead whose phone another lead has under another spelling', async () => {
    const first = await p.clients.r2.post('/api/v1/leads', { name: '展会名片', phone: '0755-8888 9999' });
    expect(first.statusCode).toBe(201);
    const second = await p.clients.r2.post('/api/v1/leads', { name: '同一名片', phone: '+86 755 8888 9999-8001' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.fields).toEqual([{ field: 'phone', message: expect.any(String) }]);
    const mobile = await p.clients.r2.post('/api/v1/leads', { name: '手机名片', mobile: '+86 137 0013 7000' });
    expect(mobile.statusCode).toBe(201);
    const byPhone = await p.clients.r2.post('/api/v1/leads', { name: '座机栏写手机', phone: '137 0013 7000' });
    expect(byPhone.statusCode).toBe(409);
  });
});
