import { describe, expect, it } from 'vitest';
import type { Personas } from '../../test/personas.js';
import { usePersonas } from '../../test/file-context.js';
import { postCustomer } from '../../test/customer-requests.js';

const { p } = usePersonas();

const idsOf = (body: { items: { id: string }[] }) => body.items.map((c) => c.id).sort();

describe('customers API', () => {
  it('a salesperson creates a customer they own, numbered from the org sequence', async () => {
    const response = await postCustomer(p.clients.r1, { kind: 'person', name: '  王小二 ', phone: '13912345678' });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ name: '王小二', ownerId: p.users.r1.id, stage: 'prospect', version: 1 });
    expect(body.customerNo).toMatch(/^KH\d{6}$/);
  });

  it('rejects bad input with localized messages naming the field, and writes nothing', async () => {
    const before = await p.clients.admin.get('/api/v1/customers?limit=1');
    const zh = await postCustomer(p.clients.r1, { kind: 'company', name: '', phone: '12345', email: 'nope' });
    expect(zh.statusCode).toBe(400);
    const fields = zh.json().error.fields as { field: string; message: string }[];
    expect(fields.map((f) => f.field).sort()).toEqual(['email', 'name', 'phone']);
    expect(fields.find((f) => f.field === 'phone')!.message).toContain('电话');
    const en = await p.clients.r1.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: { kind: 'company', name: 'Acme', phone: '12345' },
    });
    expect(en.statusCode).toBe(400);
    await p.clients.r1.patch('/api/v1/auth/me', { locale: 'en' });
    const english = await p.clients.r1.post('/api/v1/customers', { kind: 'company', name: 'Acme', phone: '12345' });
    expect(english.json().error.fields[0].message).toMatch(/^Phone must be a valid mobile or landline number/);
    await p.clients.r1.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    const after = await p.clients.admin.get('/api/v1/customers?limit=1');
    expect(after.json().total).toBe(before.json().total);
  });

  it('unknown properties and mass-assigned system fields answer 400', async () => {
    for (const extra of [
      { orgId: p.orgId },
      { createdBy: p.users.admin.id },
      { version: 5 },
      { deletedAt: null },
      { hacker: 1 },
    ]) {
      const response = await p.clients.r1.post('/api/v1/customers', { kind: 'company', name: '某公司', ...extra });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields[0].field).toBe(Object.keys(extra)[0]);
    }
  });

  it('a salesperson cannot hand a new customer to someone else without the assign right', async () => {
    const response = await postCustomer(p.clients.r1, { kind: 'company', name: '转手公司', ownerId: p.users.r2.id });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('ownerId');
  });

  it('changing the owner of an existing customer needs the assign right, even to oneself', async () => {
    const id = p.customers.r3[1]!;
    const version = (await p.clients.service.get(`/api/v1/customers/${id}`)).json().version;
    const response = await p.clients.service.patch(`/api/v1/customers/${id}`, { ownerId: p.users.service.id, version });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('ownerId');
    expect((await p.clients.admin.get(`/api/v1/customers/${id}`)).json().ownerId).toBe(p.users.r3.id);
    const assigned = await p.clients.head.patch(`/api/v1/customers/${id}`, { ownerId: p.users.r2.id, version });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({ ownerId: p.users.r2.id, version: version + 1 });
    const back = await p.clients.head.patch(`/api/v1/customers/${id}`, {
      ownerId: p.users.r3.id,
      city: '杭州',
      version: version + 1,
    });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ ownerId: p.users.r3.id, city: '杭州', version: version + 3 });
  });

  it('an owner change by edit is an assignment: ownership event with actor and reason "edit"', async () => {
    const id = (
      await p.clients.r1.post('/api/v1/customers', { kind: 'person', name: '改负责人', phone: '13912340077' })
    ).json().id;
    const version = (await p.clients.eastManager.get(`/api/v1/customers/${id}`)).json().version;
    const moved = await p.clients.eastManager.patch(`/api/v1/customers/${id}`, { ownerId: p.users.r2.id, version });
    expect(moved.statusCode).toBe(200);
    const events = (await p.clients.eastManager.get(`/api/v1/customers/${id}/ownership-events`)).json().items;
    expect(events[0]).toMatchObject({
      kind: 'assign',
      actorId: p.users.eastManager.id,
      fromUserId: p.users.r1.id,
      toUserId: p.users.r2.id,
      reason: 'edit',
    });
    const audit = (await p.clients.admin.get(`/api/v1/audit-log?entity=customer&entityId=${id}`)).json().items as {
      action: string;
    }[];
    expect(audit.map((a) => a.action)).toContain('assign');
    // The previous owner no longer sees it; the old version is stale.
    expect((await p.clients.r1.get(`/api/v1/customers/${id}`)).statusCode).toBe(404);
    expect(
      (await p.clients.eastManager.patch(`/api/v1/customers/${id}`, { ownerId: p.users.r1.id, version })).statusCode,
    ).toBe(409);
  });

  it('lists exactly what each data scope allows', async () => {
    const c = p.customers;
    const expectations: [keyof Personas['clients'], string[]][] = [
      ['r1', c.r1],
      ['r3', c.r3],
      ['eastManager', [...c.eastManager, ...c.r1, ...c.r2]],
      ['head', [...c.head, ...c.eastManager, ...c.r1, ...c.r2, ...c.r3]],
    ];
    for (const [persona, expected] of expectations) {
      const response = await p.clients[persona].get('/api/v1/customers?limit=200');
      const ids = idsOf(response.json());
      for (const id of expected) expect(ids, persona).toContain(id);
      const others = Object.values(c)
        .flat()
        .filter((id) => !expected.includes(id));
      for (const id of others) expect(ids, persona).not.toContain(id);
    }
  });

  it('out-of-scope customers answer 404 for read, update and delete, and stay unchanged', async () => {
    const target = p.customers.r2[0]!;
    expect((await p.clients.r1.get(`/api/v1/customers/${target}`)).statusCode).toBe(404);
    expect((await p.clients.r1.patch(`/api/v1/customers/${target}`, { name: 'x', version: 1 })).statusCode).toBe(404);
    const west = p.customers.r3[0]!;
    expect((await p.clients.eastManager.delete(`/api/v1/customers/${west}`)).statusCode).toBe(404);
    for (const id of [target, west]) {
      const fresh = await p.clients.admin.get(`/api/v1/customers/${id}`);
      expect(fresh.json()).toMatchObject({ version: 1, deletedAt: null });
    }
  });

  it('a stale version answers 409 and the first edit wins', async () => {
    const id = p.customers.r1[0]!;
    const first = await p.clients.r1.patch(`/api/v1/customers/${id}`, { city: '上海', version: 1 });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const second = await p.clients.eastManager.patch(`/api/v1/customers/${id}`, { city: '北京', version: 1 });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('stale_version');
    expect((await p.clients.r1.get(`/api/v1/customers/${id}`)).json().city).toBe('上海');
  });

  it('soft delete moves a customer to the trash and restore brings it back whole', async () => {
    const id = p.customers.eastManager[0]!;
    const before = (await p.clients.eastManager.get(`/api/v1/customers/${id}`)).json();
    expect((await p.clients.eastManager.delete(`/api/v1/customers/${id}`)).statusCode).toBe(204);
    expect((await p.clients.eastManager.get(`/api/v1/customers/${id}`)).statusCode).toBe(404);
    const list = (await p.clients.eastManager.get('/api/v1/customers?limit=200')).json();
    expect(idsOf(list)).not.toContain(id);
    const trash = (await p.clients.eastManager.get('/api/v1/customers?deleted=true')).json();
    expect(idsOf(trash)).toContain(id);
    const restored = await p.clients.eastManager.post(`/api/v1/customers/${id}/restore`, {});
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ name: before.name, phone: before.phone, deletedAt: null });
  });

  it('a salesperson without the delete right gets 403', async () => {
    expect((await p.clients.r1.delete(`/api/v1/customers/${p.customers.r1[1]}`)).statusCode).toBe(403);
  });

  it('searches by Chinese characters, pinyin initials and phone suffix within scope', async () => {
    const created = await postCustomer(p.clients.r2, {
      kind: 'company',
      name: '苏州华为电子有限公司',
      phone: '13755501234',
    });
    const id = created.json().id;
    for (const q of ['华为', '华', 'hw', 'huawei', '1234', '137555']) {
      const ids = idsOf((await p.clients.r2.get(`/api/v1/customers?q=${encodeURIComponent(q)}`)).json());
      expect(ids, q).toContain(id);
      const other = idsOf((await p.clients.r1.get(`/api/v1/customers?q=${encodeURIComponent(q)}`)).json());
      expect(other, q).not.toContain(id);
    }
  });

  it('pages with a keyset cursor without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/customers?limit=4&sort=name${cursor ? `&cursor=${cursor}` : ''}`;
      const body = (await p.clients.head.get(url)).json();
      seen.push(...body.items.map((c: { id: string }) => c.id));
      cursor = body.nextCursor;
    } while (cursor);
    const all = idsOf((await p.clients.head.get('/api/v1/customers?limit=200')).json());
    expect([...seen].sort()).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('rejects sort keys and cursors outside the allow-list', async () => {
    expect((await p.clients.r1.get('/api/v1/customers?sort=phone')).statusCode).toBe(400);
    expect((await p.clients.r1.get('/api/v1/customers?sort=name;drop table customers')).statusCode).toBe(400);
    expect((await p.clients.r1.get('/api/v1/customers?cursor=bm9wZQ')).statusCode).toBe(400);
    expect((await p.clients.r1.get('/api/v1/customers?limit=201')).statusCode).toBe(400);
  });

  it('hides protected fields from a role that may not see them, also from search', async () => {
    const detail = (await p.clients.service.get(`/api/v1/customers/${p.customers.r1[0]}`)).json();
    expect(detail).not.toHaveProperty('phone');
    expect(detail).toHaveProperty('email');
    const list = (await p.clients.service.get('/api/v1/customers?limit=5')).json();
    for (const item of list.items) expect(item).not.toHaveProperty('phone');
    const bySuffix = (await p.clients.service.get('/api/v1/customers?q=00001')).json();
    expect(bySuffix.items).toHaveLength(0);
    const write = await p.clients.service.patch(`/api/v1/customers/${p.customers.r1[0]}`, { remarks: 'x', version: 2 });
    expect(write.statusCode).toBe(400);
    expect(write.json().error.fields[0].field).toBe('remarks');
  });

  it('the warehouse template reads customers to ship to them: no phone, e-mail or sales remarks', async () => {
    const detail = (await p.clients.warehouse.get(`/api/v1/customers/${p.customers.r1[0]}`)).json();
    expect(detail.name).toBeTruthy();
    for (const field of ['phone', 'email', 'remarks']) expect(detail).not.toHaveProperty(field);
    expect(detail).toHaveProperty('address');
    const list = (await p.clients.warehouse.get('/api/v1/customers?limit=5')).json();
    expect(list.items.length).toBeGreaterThan(0);
    for (const item of list.items) expect(item).not.toHaveProperty('phone');
  });

  it('a name of only spaces answers 400 naming the field, on create and update', async () => {
    const blank = (r: { statusCode: number; json: () => { error: { fields: { field: string }[] } } }) => [
      r.statusCode,
      r.json().error.fields.map((f) => f.field),
    ];
    expect(blank(await p.clients.r1.post('/api/v1/customers', { kind: 'company', name: '   ' }))).toEqual([
      400,
      ['name'],
    ]);
    const created = (await p.clients.r1.post('/api/v1/customers', { kind: 'company', name: '空白改名公司' })).json();
    expect(
      blank(await p.clients.r1.patch(`/api/v1/customers/${created.id}`, { name: ' ', version: created.version })),
    ).toEqual([400, ['name']]);
  });
});
