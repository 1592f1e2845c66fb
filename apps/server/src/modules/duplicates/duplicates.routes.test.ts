import { creditCodeCheckCharacter } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.js';
import { customers } from '../../platform/db/schema/index.js';
import { nameBigrams, normalizeName } from '../../platform/search/text-normalization.js';
import { usePersonas } from '../../test/file-context.js';
import { postCustomer } from '../../test/customer-requests.js';

const { ctx, p } = usePersonas({ customersEach: 1 });
let huawei: { id: string; name: string };
const creditCode = '91440300MA5HW0001' + creditCodeCheckCharacter('91440300MA5HW0001')!;

beforeAll(async () => {
  const response = await postCustomer(p.clients.r2, {
    kind: 'company',
    name: '北京华为科技有限公司',
    phone: '13812345678',
    email: 'Sales@HuaWei-Example.cn',
    creditCode,
  });
  huawei = response.json();
});

describe('duplicate check blocks exact matches (domain §4)', () => {
  it("blocks a colleague's phone, written differently, with 409 naming the field, the record and its owner", async () => {
    const response = await postCustomer(p.clients.r1, { kind: 'person', name: '张三', phone: '13812345678' });
    expect(response.statusCode).toBe(409);
    const error = response.json().error;
    expect(error.code).toBe('duplicate');
    expect(error.message).toContain('北京华为科技有限公司');
    expect(error.message).toContain(p.users.r2.username);
    expect(error.fields).toEqual([{ field: 'phone', message: expect.stringContaining('电话') }]);
    expect(error.duplicates).toEqual([
      expect.objectContaining({
        entity: 'customer',
        id: huawei.id,
        name: '北京华为科技有限公司',
        ownerId: p.users.r2.id,
        ownerName: p.users.r2.username,
        accessible: false,
        matchedOn: ['phone'],
      }),
    ]);
    // R1 may not see R2's customer: its protected fields are withheld.
    expect(error.duplicates[0]).not.toHaveProperty('phone');
    expect(error.duplicates[0]).not.toHaveProperty('email');
    expect(error.duplicates[0]).not.toHaveProperty('creditCode');
  });

  it('blocks the same email in another case and the same credit code in lower case', async () => {
    const email = await postCustomer(p.clients.r3, {
      kind: 'company',
      name: '完全不同的公司',
      email: 'sales@huawei-example.CN',
    });
    expect(email.statusCode).toBe(409);
    expect(email.json().error.fields[0].field).toBe('email');
    const code = await postCustomer(p.clients.r3, {
      kind: 'company',
      name: '另一家公司',
      creditCode: creditCode.toLowerCase(),
    });
    expect(code.statusCode).toBe(409);
    expect(code.json().error.fields[0].field).toBe('creditCode');
    expect(code.json().error.duplicates[0].matchedOn).toEqual(['creditCode']);
  });

  it('answers in English for an English user', async () => {
    await p.clients.r1.patch('/api/v1/auth/me', { locale: 'en' });
    const response = await postCustomer(p.clients.r1, { kind: 'person', name: 'Zhang', phone: '13812345678' });
    await p.clients.r1.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe(
      `A Customer with the same Phone already exists: 北京华为科技有限公司 (owner: ${p.users.r2.username}).`,
    );
    expect(response.json().error.fields[0].message).toBe(
      `Phone is already used by 北京华为科技有限公司 (owner: ${p.users.r2.username})`,
    );
  });

  it('shows the protected fields to a manager who may see the record', async () => {
    const response = await postCustomer(p.clients.eastManager, {
      kind: 'company',
      name: '经理录入',
      phone: '13812345678',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.duplicates[0]).toMatchObject({ accessible: true, phone: '13812345678', creditCode });
  });

  it('an edit to a taken phone is blocked too, while editing other fields of a record is not', async () => {
    const own = (await p.clients.r1.get(`/api/v1/customers/${p.customers.r1[0]}`)).json();
    const blocked = await p.clients.r1.patch(`/api/v1/customers/${own.id}`, {
      phone: '13812345678',
      version: own.version,
    });
    expect(blocked.statusCode).toBe(409);
    const fine = await p.clients.r1.patch(`/api/v1/customers/${own.id}`, {
      industry: 'wholesale_retail',
      version: own.version,
    });
    expect(fine.statusCode).toBe(200);
    const self = await p.clients.r2.patch(`/api/v1/customers/${huawei.id}`, {
      phone: '13812345678',
      remarks: 'x',
      version: 1,
    });
    expect(self.statusCode).toBe(200);
  });

  it('a deleted customer no longer blocks', async () => {
    const temp = (
      await p.clients.eastManager.post('/api/v1/customers', { kind: 'person', name: '临时', phone: '13900001234' })
    ).json();
    expect((await p.clients.eastManager.delete(`/api/v1/customers/${temp.id}`)).statusCode).toBe(204);
    expect(
      (await p.clients.r1.post('/api/v1/customers', { kind: 'person', name: '新临时', phone: '13900001234' }))
        .statusCode,
    ).toBe(201);
  });

  it("blocks a contact's mobile and email used by another contact anywhere in the organization", async () => {
    const first = await p.clients.r2.post('/api/v1/contacts', {
      customerId: huawei.id,
      name: '王工',
      mobile: '13566667777',
      email: 'wang@x.cn',
    });
    expect(first.statusCode).toBe(201);
    const again = await p.clients.r1.post('/api/v1/contacts', {
      customerId: p.customers.r1[0],
      name: '王五',
      mobile: '13566667777',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0].field).toBe('mobile');
    expect(again.json().error.duplicates[0]).toMatchObject({
      entity: 'contact',
      customerId: huawei.id,
      accessible: false,
      ownerName: p.users.r2.username,
    });
    expect(again.json().error.duplicates[0]).not.toHaveProperty('phone');
  });
});

describe('duplicate check warns on similar names', () => {
  it('creates the customer and warns when the name is the same company written another way', async () => {
    const response = await postCustomer(p.clients.r1, { kind: 'company', name: '华为科技（北京）有限公司' });
    expect(response.statusCode).toBe(201);
    expect(response.json().duplicateWarnings).toEqual([
      expect.objectContaining({
        id: huawei.id,
        matchedOn: ['name'],
        similarity: 0.8,
        ownerName: p.users.r2.username,
        accessible: false,
      }),
    ]);
  });

  it('warns when one name contains the other, and stays quiet for unrelated names', async () => {
    const contained = await p.clients.r3.post('/api/v1/customers', { kind: 'company', name: '华为科技集团' });
    expect(contained.json().duplicateWarnings.map((w: { id: string }) => w.id)).toContain(huawei.id);
    const unrelated = await p.clients.r3.post('/api/v1/customers', { kind: 'company', name: '上海贝尔通信有限公司' });
    expect(unrelated.statusCode).toBe(201);
    expect(unrelated.json().duplicateWarnings).toEqual([]);
  });
});

describe('standalone duplicate search GET /duplicates', () => {
  it('finds colleagues’ customers and contacts by any key, revealing only who holds them', async () => {
    const response = await p.clients.r1.get(
      `/api/v1/duplicates?phone=${encodeURIComponent('+86 138-1234-5678')}&name=${encodeURIComponent('华为科技')}`,
    );
    expect(response.statusCode).toBe(200);
    const match = response.json().matches.find((m: { id: string }) => m.id === huawei.id);
    expect(match).toMatchObject({ entity: 'customer', ownerName: p.users.r2.username, accessible: false });
    expect(match.matchedOn.sort()).toEqual(['name', 'phone']);
    expect(match).not.toHaveProperty('phone');
    const byMobile = (await p.clients.r1.get('/api/v1/duplicates?phone=13566667777')).json();
    expect(byMobile.matches).toEqual([
      expect.objectContaining({ entity: 'contact', customerName: '北京华为科技有限公司', accessible: false }),
    ]);
  });

  it('finds customers in the pool (no owner)', async () => {
    await ctx.database.db.execute(sql`update customers set owner_id = null where id = ${p.customers.r3[0]}`);
    const pooled = (await p.clients.admin.get(`/api/v1/customers/${p.customers.r3[0]}`)).json();
    const response = (await p.clients.r1.get(`/api/v1/duplicates?email=${encodeURIComponent(pooled.email)}`)).json();
    expect(response.matches).toEqual([expect.objectContaining({ id: pooled.id, inPool: true, ownerName: null })]);
  });

  it('leaves out the record being edited, and needs at least one key', async () => {
    const own = (await p.clients.r2.get(`/api/v1/duplicates?creditCode=${creditCode}&excludeId=${huawei.id}`)).json();
    expect(own.matches).toEqual([]);
    const empty = await p.clients.r2.get('/api/v1/duplicates');
    expect(empty.statusCode).toBe(400);
  });

  it('never crosses organizations', async () => {
    const other = await ctx.createOrg();
    const admin = await ctx.login(await ctx.createUser({ orgId: other.orgId, roleIds: [other.roleIds.admin!] }));
    expect((await admin.get('/api/v1/duplicates?phone=13812345678')).json().matches).toEqual([]);
    expect(
      (
        await admin.post('/api/v1/customers', { kind: 'company', name: '北京华为科技有限公司', phone: '13812345678' })
      ).json().duplicateWarnings,
    ).toEqual([]);
  });
});

describe('similar names among many look-alikes', () => {
  it('finds the one similar name among hundreds sharing common bigrams, however the rows are stored', async () => {
    // 600 customers share 苏州 and 电子 with the new name but are not similar; the one that is
    // similar is stored last, where a capped "any shared bigram" scan would never reach it.
    const fillers = Array.from({ length: 600 }, (_, i) => `苏州电子${1000 + i}`);
    const rows = [...fillers, '苏州电子恒通精密'].map((name, i) => ({
      orgId: p.orgId,
      id: newId(),
      customerNo: `LOOKALIKE-${i}`,
      kind: 'company',
      name,
      ownerId: p.users.r2.id,
      nameNormalized: normalizeName(name),
      nameBigrams: nameBigrams(normalizeName(name)),
    }));
    for (let i = 0; i < rows.length; i += 200) await ctx.database.db.insert(customers).values(rows.slice(i, i + 200));
    const target = rows.at(-1)!;

    const response = await postCustomer(p.clients.r1, { kind: 'company', name: '苏州恒通精密电子有限公司' });
    expect(response.statusCode).toBe(201);
    expect(response.json().duplicateWarnings).toEqual([
      expect.objectContaining({ id: target.id, similarity: 0.71, accessible: false }),
    ]);
  });

  it("follows the organization's similarity threshold", async () => {
    const setThreshold = (nameSimilarityPercent: number) =>
      p.clients.admin.put('/api/v1/lifecycle/rule-settings', {
        lostAfterDays: 365,
        stuckRepeatDays: 7,
        nameSimilarityPercent,
      });
    const check = async () =>
      (await p.clients.r1.get(`/api/v1/duplicates?name=${encodeURIComponent('华为科技（北京）')}`))
        .json()
        .matches.map((m: { id: string }) => m.id);
    expect(await check()).toContain(huawei.id); // 0.8 at the default 60 %
    expect((await setThreshold(90)).statusCode).toBe(200);
    expect(await check()).not.toContain(huawei.id);
    expect((await setThreshold(80)).statusCode).toBe(200);
    expect(await check()).toContain(huawei.id);
    await setThreshold(60);
  });
});
